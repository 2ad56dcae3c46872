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

package io.github.flinkdatahub.examples.windows;

import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.DataHubClientConfig;
import io.github.flinkdatahub.connector.sink.DataHubSink;
import io.github.flinkdatahub.connector.sink.ShardRouting;
import io.github.flinkdatahub.connector.source.DataHubSource;
import io.github.flinkdatahub.connector.source.StoppingPosition;
import io.github.flinkdatahub.emulator.DataHubEmulator;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.util.List;

/**
 * The DataStream example: reads orders from a TUPLE topic with {@link DataHubSource}, totals them
 * per customer in event-time tumbling windows and writes the totals to another topic with {@link
 * DataHubSink} (exactly-once by default).
 *
 * <p>Without {@code --endpoint} it starts an embedded DataHub emulator, creates the topics,
 * produces sample orders, runs the job on a local Flink environment and prints the window results
 * read back from the output topic. See {@link ExampleArgs#USAGE} for the flags.
 *
 * <pre>{@code
 * ./mvnw -Prun-example -pl examples -am verify -DskipTests
 * }</pre>
 */
public final class WindowedOrdersJob {

    /** The Flink job name. */
    public static final String JOB_NAME = "datahub-order-windows";

    private WindowedOrdersJob() {}

    /** Runs the example; see {@link ExampleArgs#USAGE}. */
    public static void main(String[] args) throws Exception {
        ExampleArgs a = ExampleArgs.parse(args);
        if (a.help) {
            System.out.println(ExampleArgs.USAGE);
            return;
        }
        if (a.endpoint() != null) {
            run(a, remoteConfig(a.endpoint()));
            return;
        }
        try (DataHubEmulator emulator = DataHubEmulator.builder().port(0).build().start()) {
            System.out.println("Started an embedded DataHub emulator at " + emulator.endpoint());
            run(a, DataHubClientConfig.builder().endpoint(emulator.endpoint()).build());
        }
    }

    /** A client config for an endpoint, with credentials from the environment if set. */
    static DataHubClientConfig remoteConfig(String endpoint) {
        DataHubClientConfig.Builder b = DataHubClientConfig.builder().endpoint(endpoint);
        String id = System.getenv("DATAHUB_ACCESS_ID");
        String key = System.getenv("DATAHUB_ACCESS_KEY");
        if (id != null && key != null) {
            b.credentials(id, key);
        }
        return b.build();
    }

    private static void run(ExampleArgs a, DataHubClientConfig config) throws Exception {
        List<Order> orders = OrderTopics.sampleOrders(a.records, a.window, 1);
        try (DataHubClient client = DataHubClient.create(config)) {
            OrderTopics.createTopics(client, a);
            OrderTopics.produce(client, a.project, a.inputTopic, orders);
            System.out.printf(
                    "Produced %d orders to %s/%s%n", orders.size(), a.project, a.inputTopic);
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(a.checkpointMillis);
        buildPipeline(env, config, a);
        env.execute(JOB_NAME);

        if (a.report && !a.unbounded) {
            try (DataHubClient client = DataHubClient.create(config)) {
                List<WindowResult> results =
                        OrderTopics.readResults(client, a.project, a.outputTopic);
                long in =
                        OrderTopics.readAll(client, a.project, a.inputTopic, OrderTopics.ORDERS)
                                .size();
                boolean matches =
                        a.records == 0
                                || results.equals(OrderTopics.expectedResults(orders, a.window));
                OrderTopics.printReport(System.out, results, in, matches);
            }
        }
    }

    /** Adds source, windows and sink to the environment. */
    public static void buildPipeline(
            StreamExecutionEnvironment env, DataHubClientConfig config, ExampleArgs a) {
        var source =
                DataHubSource.<Order>builder()
                        .setClientConfig(config)
                        .setProject(a.project)
                        .setTopics(a.inputTopic)
                        .setDeserializer(new OrderCodecs.OrderDeserializer())
                        .setIdleShardPollInterval(Duration.ofMillis(100));
        if (!a.unbounded) {
            source.setStoppingPosition(StoppingPosition.latest());
        }
        DataHubSink<WindowResult> sink =
                DataHubSink.<WindowResult>builder()
                        .setClientConfig(config)
                        .setProject(a.project)
                        .setTopic(a.outputTopic)
                        .setSerializer(new OrderCodecs.WindowResultSerializer())
                        .setRouting(ShardRouting.PARTITION_KEY)
                        .setDeliveryGuarantee(
                                a.exactlyOnce
                                        ? DeliveryGuarantee.EXACTLY_ONCE
                                        : DeliveryGuarantee.AT_LEAST_ONCE)
                        .build();

        WatermarkStrategy<Order> watermarks =
                WatermarkStrategy.<Order>forBoundedOutOfOrderness(Duration.ofSeconds(1))
                        .withTimestampAssigner((order, ts) -> order.eventTimeMillis)
                        // Watermarks are per shard: a shard without new orders (no customer
                        // routed to it) must not hold the windows back in an unbounded job.
                        .withIdleness(Duration.ofSeconds(2));
        env.fromSource(source.build(), watermarks, "datahub-orders")
                .keyBy(order -> order.customer, Types.STRING)
                .window(TumblingEventTimeWindows.of(a.window))
                .aggregate(new Totals(), new ToResult())
                .name("window-totals")
                .sinkTo(sink)
                .name("datahub-window-totals");
    }

    /** Count and sum of one window, as a two-element array. */
    static final class Totals implements AggregateFunction<Order, long[], long[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Order order, long[] acc) {
            acc[0]++;
            acc[1] += order.amountCents;
            return acc;
        }

        @Override
        public long[] getResult(long[] acc) {
            return acc;
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0], a[1] + b[1]};
        }
    }

    /** Adds the key and the window bounds to the totals. */
    static final class ToResult
            extends ProcessWindowFunction<long[], WindowResult, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(
                String customer,
                Context context,
                Iterable<long[]> totals,
                Collector<WindowResult> out) {
            long[] t = totals.iterator().next();
            out.collect(
                    new WindowResult(
                            customer,
                            context.window().getStart(),
                            context.window().getEnd(),
                            t[0],
                            t[1]));
        }
    }
}
