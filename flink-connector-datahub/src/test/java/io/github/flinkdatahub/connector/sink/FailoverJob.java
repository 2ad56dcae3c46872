/*
 * Copyright 2026 The flink-connector-datahub Authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.flinkdatahub.connector.sink;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded job for the failover tests: {@code fromSequence(0, n)} at a bounded rate, mapped to
 * {@link Event}s (id = the number, key = id mod 64), into a DataHub sink, while failures happen at
 * random points: exceptions thrown by the mapper and TaskManagers terminated (and replaced) by a
 * killer thread, both at random thresholds of the records mapped so far (replays count).
 */
final class FailoverJob {

    /** Records mapped so far, over all attempts and subtasks (MiniCluster: one JVM). */
    static final AtomicLong MAPPED = new AtomicLong();

    /** Mapper instances opened, over all attempts and subtasks: 2 plus one per restart. */
    static final AtomicLong OPENED = new AtomicLong();

    /** TaskManagers terminated while the job ran. */
    static final AtomicLong KILLS = new AtomicLong();

    /** Thresholds of {@link #MAPPED} at which the mapper throws. */
    static final ConcurrentLinkedDeque<Long> THROW_AT = new ConcurrentLinkedDeque<>();

    private FailoverJob() {}

    /** Random thresholds in [10%, 80%] of n, ascending. */
    static List<Long> thresholds(Random random, long n, int count) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add((long) (n * (0.1 + 0.7 * random.nextDouble())));
        }
        Collections.sort(out);
        return out;
    }

    static JobExecutionResult run(
            DataHubSinkBuilder<Event> sink,
            DeliveryGuarantee guarantee,
            long n,
            long recordsPerSecond,
            List<Long> throwAt,
            List<Long> killAt,
            MiniCluster cluster)
            throws Exception {
        MAPPED.set(0);
        OPENED.set(0);
        KILLS.set(0);
        THROW_AT.clear();
        THROW_AT.addAll(throwAt);
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 100);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(300, CheckpointingMode.EXACTLY_ONCE);
        env.fromSequence(0, n - 1)
                .map(new ThrottledFailingMapper(recordsPerSecond / 2))
                .sinkTo(sink.setDeliveryGuarantee(guarantee).build());
        Thread killer = new Thread(() -> kill(cluster, killAt), "tm-killer");
        killer.setDaemon(true);
        killer.start();
        JobExecutionResult result = env.execute("datahub-sink-failover-" + guarantee);
        killer.interrupt();
        return result;
    }

    private static void kill(MiniCluster cluster, List<Long> killAt) {
        try {
            int index = 0;
            long openedBefore = 0;
            for (long at : killAt) {
                // Kill a running job: both mappers (re)opened since the last kill, and the
                // threshold reached (MAPPED also counts records replayed after a restore).
                while (MAPPED.get() < at || OPENED.get() < openedBefore + 2) {
                    Thread.sleep(10);
                }
                openedBefore = OPENED.get();
                // MiniCluster keeps terminated TaskManagers in its list: the i-th started is i.
                cluster.terminateTaskManager(index++).get();
                KILLS.incrementAndGet();
                cluster.startTaskManager();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("Killing a TaskManager failed", e);
        }
    }

    /** Maps numbers to events at a bounded rate and throws at the scheduled thresholds. */
    static final class ThrottledFailingMapper extends RichMapFunction<Long, Event>
            implements CheckpointListener {
        private static final long serialVersionUID = 1L;
        private final long perSecond;
        private transient long started;
        private transient long count;
        private transient boolean checkpointed;

        ThrottledFailingMapper(long perSecond) {
            this.perSecond = Math.max(1, perSecond);
        }

        @Override
        public void open(OpenContext context) {
            started = System.nanoTime();
            OPENED.incrementAndGet();
        }

        @Override
        public Event map(Long id) throws Exception {
            long mapped = MAPPED.incrementAndGet();
            Long next = THROW_AT.peekFirst();
            // Fail only after a checkpoint of this attempt completed, so that the job progresses.
            if (next != null && mapped >= next && checkpointed && THROW_AT.remove(next)) {
                throw new RuntimeException("Injected failure at record " + mapped);
            }
            if (++count % 50 == 0) {
                long due = started + count * 1_000_000_000L / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            return Event.of(id, "k" + (id % 64));
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed = true;
        }
    }
}
