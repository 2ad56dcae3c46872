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

package io.github.flinkdatahub.connector.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A retry scheduler driven by the test: it records each task with its delay and the thread that
 * scheduled it, and runs a task only when the test says so.
 */
final class ManualScheduler implements SharedHttp.RetryScheduler {

    /** A scheduled retry. */
    static final class Task extends CompletableFuture<Void> {
        final Runnable runnable;
        final Duration delay;
        final Thread scheduledBy;

        Task(Runnable runnable, Duration delay, Thread scheduledBy) {
            this.runnable = runnable;
            this.delay = delay;
            this.scheduledBy = scheduledBy;
        }

        /** Runs the retry now, as the timer would after the delay. */
        void fire() {
            if (!isCancelled()) {
                runnable.run();
                complete(null);
            }
        }
    }

    private final LinkedBlockingQueue<Task> tasks = new LinkedBlockingQueue<>();

    @Override
    public Task schedule(Runnable task, Duration delay) {
        Task scheduled = new Task(task, delay, Thread.currentThread());
        tasks.add(scheduled);
        return scheduled;
    }

    /** The next scheduled task, waiting for it up to the timeout. */
    Task awaitTask(Duration timeout) throws InterruptedException {
        Task task = tasks.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (task == null) {
            throw new AssertionError("no retry was scheduled");
        }
        return task;
    }

    /** Whether no task is waiting. */
    boolean isEmpty() {
        return tasks.isEmpty();
    }
}
