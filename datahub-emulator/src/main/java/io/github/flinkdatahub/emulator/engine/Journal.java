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

package io.github.flinkdatahub.emulator.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The append-only journal of a durable engine: a file header ({@code "DHEJ"} and the format
 * version), then entries framed as {@code int length, int CRC32C, payload}. Written straight to the
 * file channel (so the OS has them, surviving {@code kill -9}), forced to disk per the {@link
 * FsyncPolicy}. Concurrent writers share one fsync (group commit): the first waiter forces
 * everything written so far, the others find their entry already synced.
 */
final class Journal implements AutoCloseable {

    static final String FILE_NAME = "journal.log";

    /** {@code "DHEJ"}: DataHub emulator journal. */
    static final int FILE_MAGIC = 0x4448454A;

    /**
     * Format of the file header, the entry framing and the entries ({@link EventCodec}). A change
     * to any of them bumps it; {@link #open} refuses formats it does not know instead of misreading
     * them. Format 2 adds events (batches, schema versions, sync connectors, extended shards) to
     * format 1, so a format-1 journal is read as it is and its header is raised to 2 before
     * anything new is appended (an older emulator then refuses the directory).
     */
    static final int FORMAT_VERSION = 2;

    /** The oldest format this emulator still reads. */
    static final int OLDEST_FORMAT_VERSION = 1;

    static final int FILE_HEADER = 8;
    private static final int HEADER = 8;
    private static final int MAX_ENTRY = 256 * 1024 * 1024;

    static final String LOCK_NAME = "engine.lock";

    private static final String COMPACT_SUFFIX = ".compact";

    private final Path dir;
    private volatile FileChannel channel;
    private final FileChannel lockChannel;
    private final FsyncPolicy policy;
    private final Object writeLock = new Object();
    private final Object syncLock = new Object();
    private volatile long written;
    private volatile long synced;

    /** Set after a failed write: the file may end in a torn entry, so nothing may follow it. */
    private volatile boolean failed;

    private Journal(
            Path dir, FileChannel channel, FileChannel lockChannel, FsyncPolicy policy, long size) {
        this.dir = dir;
        this.channel = channel;
        this.lockChannel = lockChannel;
        this.policy = policy;
        this.written = size;
        this.synced = size;
    }

    /**
     * Opens the journal in {@code dir}, passing every intact entry to {@code replay} in order, and
     * truncates a torn or corrupt tail (an entry cut short by a crash) so appends continue after
     * the last good entry.
     */
    static Journal open(Path dir, FsyncPolicy policy, Consumer<byte[]> replay) throws IOException {
        Files.createDirectories(dir);
        FileChannel lock = lockDirectory(dir);
        // A compaction that crashed before its rename left the old journal authoritative.
        Files.deleteIfExists(dir.resolve(FILE_NAME + COMPACT_SUFFIX));
        boolean created = !Files.exists(dir.resolve(FILE_NAME));
        FileChannel ch =
                FileChannel.open(
                        dir.resolve(FILE_NAME),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
        long size = ch.size();
        if (size < FILE_HEADER) {
            // New, or a crash cut the file header short: nothing was ever acknowledged from it.
            ch.truncate(0);
            writeFully(ch, fileHeader(), 0);
            ch.force(true);
            size = FILE_HEADER;
            created = true;
        } else if (checkFileHeader(ch, dir) < FORMAT_VERSION) {
            writeFully(ch, fileHeader(), 0);
            ch.force(true);
        }
        long good = FILE_HEADER;
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (good + HEADER <= size) {
            header.clear();
            readFully(ch, header, good);
            header.flip();
            int length = header.getInt();
            int crc = header.getInt();
            if (length <= 0 || length > MAX_ENTRY || good + HEADER + length > size) {
                break;
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            readFully(ch, payload, good + HEADER);
            CRC32C c = new CRC32C();
            c.update(payload.array());
            if ((int) c.getValue() != crc) {
                break;
            }
            replay.accept(payload.array());
            good += HEADER + length;
        }
        if (good < size) {
            ch.truncate(good);
            ch.force(true);
        }
        ch.position(good);
        if (created) {
            syncDirectory(dir);
        }
        return new Journal(dir, ch, lock, policy, good);
    }

    /** Writes one entry and returns the journal position after it. */
    long append(byte[] payload) {
        ByteBuffer buf = frame(payload);
        synchronized (writeLock) {
            if (failed) {
                throw Errors.internal("The emulator journal failed earlier; restart it.", null);
            }
            try {
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
            } catch (IOException e) {
                failed = true;
                throw Errors.internal("Cannot write the emulator journal: " + e.getMessage(), e);
            }
            written += HEADER + payload.length;
            return written;
        }
    }

    /** Bytes in the journal. */
    long size() {
        return written;
    }

    /**
     * Atomically replaces the journal with the entries {@code snapshot} passes to its sink: they go
     * to a temporary file that is fsynced and renamed over the journal. The caller must have
     * stopped every writer. If this fails before the rename the old journal stays in use.
     */
    void rewrite(Consumer<Consumer<byte[]>> snapshot) throws IOException {
        synchronized (writeLock) {
            synchronized (syncLock) {
                Path file = dir.resolve(FILE_NAME);
                Path tmp = dir.resolve(FILE_NAME + COMPACT_SUFFIX);
                try (FileChannel out =
                        FileChannel.open(
                                tmp,
                                StandardOpenOption.CREATE,
                                StandardOpenOption.TRUNCATE_EXISTING,
                                StandardOpenOption.WRITE)) {
                    writeFully(out, fileHeader(), 0);
                    out.position(FILE_HEADER);
                    snapshot.accept(
                            entry -> {
                                try {
                                    ByteBuffer buf = frame(entry);
                                    while (buf.hasRemaining()) {
                                        out.write(buf);
                                    }
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
                    out.force(true);
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(tmp);
                    throw e;
                }
                Files.move(
                        tmp,
                        file,
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
                syncDirectory(dir);
                FileChannel old = channel;
                try {
                    FileChannel fresh =
                            FileChannel.open(
                                    file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                    fresh.position(fresh.size());
                    channel = fresh;
                    written = fresh.size();
                    synced = written;
                } catch (IOException e) {
                    failed = true;
                    throw e;
                } finally {
                    old.close();
                }
            }
        }
    }

    private static ByteBuffer fileHeader() {
        return ByteBuffer.allocate(FILE_HEADER).putInt(FILE_MAGIC).putInt(FORMAT_VERSION).flip();
    }

    /** Checks the header and returns the file's format version. */
    private static int checkFileHeader(FileChannel ch, Path dir) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(FILE_HEADER);
        readFully(ch, header, 0);
        header.flip();
        int magic = header.getInt();
        int version = header.getInt();
        if (magic != FILE_MAGIC) {
            throw new IOException(
                    "The data directory "
                            + dir
                            + " does not hold a DataHub emulator journal ("
                            + FILE_NAME
                            + " has no DHEJ header).");
        }
        if (version < OLDEST_FORMAT_VERSION || version > FORMAT_VERSION) {
            throw new IOException(
                    "The data directory "
                            + dir
                            + " holds journal format "
                            + version
                            + "; this emulator reads formats "
                            + OLDEST_FORMAT_VERSION
                            + " to "
                            + FORMAT_VERSION
                            + ".");
        }
        return version;
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf, long position)
            throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            pos += ch.write(buf, pos);
        }
    }

    private static ByteBuffer frame(byte[] payload) {
        if (payload.length > MAX_ENTRY) {
            throw Errors.invalidParameter(
                    "The request is too large to store: "
                            + payload.length
                            + " bytes, at most "
                            + MAX_ENTRY
                            + ".");
        }
        CRC32C c = new CRC32C();
        c.update(payload);
        ByteBuffer buf = ByteBuffer.allocate(HEADER + payload.length);
        buf.putInt(payload.length).putInt((int) c.getValue()).put(payload).flip();
        return buf;
    }

    /** Returns once the entry ending at {@code position} is durable per the policy. */
    void awaitDurable(long position) {
        if (policy != FsyncPolicy.ALWAYS) {
            return;
        }
        syncUpTo(position);
    }

    /** Forces everything written so far (the INTERVAL policy's background task). */
    void syncAll() {
        syncUpTo(written);
    }

    private void syncUpTo(long position) {
        if (synced >= position) {
            return;
        }
        synchronized (syncLock) {
            if (synced >= position) {
                return; // a concurrent writer's fsync covered this entry
            }
            long target = written;
            if (failed) {
                throw Errors.internal("The emulator journal failed earlier; restart it.", null);
            }
            try {
                channel.force(false);
            } catch (IOException e) {
                // After a failed fsync the kernel may have dropped the dirty pages: fail-stop.
                failed = true;
                throw Errors.internal("Cannot fsync the emulator journal: " + e.getMessage(), e);
            }
            synced = target;
        }
    }

    @Override
    public void close() throws IOException {
        if (policy != FsyncPolicy.NONE && channel.isOpen()) {
            channel.force(false);
        }
        channel.close();
        lockChannel.close();
    }

    /**
     * Locks the directory against a second emulator process (the OS drops the lock when a process
     * dies, so a restart after {@code kill -9} works). Within one JVM the lock is already held, so
     * a second engine is allowed: tests simulate a crash by abandoning an engine unclosed.
     */
    private static FileChannel lockDirectory(Path dir) throws IOException {
        FileChannel lock =
                FileChannel.open(
                        dir.resolve(LOCK_NAME),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
        try {
            if (lock.tryLock() == null) {
                lock.close();
                throw new IOException(
                        "The data directory " + dir + " is in use by another emulator process.");
            }
        } catch (OverlappingFileLockException e) {
            // held by an engine of this JVM; see the Javadoc
        }
        return lock;
    }

    /** Makes a newly created journal file's directory entry durable (best effort). */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not supported on every platform (e.g. Windows); the file itself is still synced.
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position)
            throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new IOException("unexpected end of journal at " + pos);
            }
            pos += n;
        }
    }
}
