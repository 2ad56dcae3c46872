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
public final class RequestIds {

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
