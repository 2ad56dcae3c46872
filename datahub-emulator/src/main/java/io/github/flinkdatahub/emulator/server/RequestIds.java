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

package io.github.flinkdatahub.emulator.server;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request ids in the service's format, e.g. {@code 2026112204392199d6650a00000039}: UTC timestamp
 * {@code yyyyMMddHHmmss}, 8 hex digits identifying this server instance, 8 hex digits of a counter.
 */
final class RequestIds {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final String instance;
    private final AtomicLong counter = new AtomicLong();

    public RequestIds(Clock clock) {
        this.clock = clock;
        this.instance = String.format("%08x", ThreadLocalRandom.current().nextInt());
    }

    /** The next id; unique within this instance. */
    public String next() {
        long n = counter.incrementAndGet() & 0xFFFFFFFFL;
        return STAMP.format(clock.instant()) + instance + String.format("%08x", n);
    }
}
