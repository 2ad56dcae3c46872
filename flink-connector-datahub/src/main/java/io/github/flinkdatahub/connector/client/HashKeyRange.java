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

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Objects;

/**
 * A shard's 128-bit hash-key range {@code [begin, end)}, ordered by begin then end. The range that
 * ends at the top of the key space ({@code FFFF...F}) also contains that key, as the service routes
 * it.
 *
 * <pre>{@code
 * HashKeyRange owner = HashKeyRange.ownerOf(shards, HashKeyRange.partitionKeyHash("user-42"));
 * }</pre>
 */
public record HashKeyRange(BigInteger begin, BigInteger end) implements Comparable<HashKeyRange> {

    /** The largest hash key, {@code 2^128 - 1}. */
    public static final BigInteger MAX_KEY = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    /** Validates {@code 0 <= begin < end <= MAX_KEY}. */
    public HashKeyRange {
        Objects.requireNonNull(begin, "begin");
        Objects.requireNonNull(end, "end");
        if (begin.signum() < 0 || end.compareTo(MAX_KEY) > 0 || begin.compareTo(end) >= 0) {
            throw new IllegalArgumentException(
                    "Hash-key range ["
                            + HashKeys.format(begin.max(BigInteger.ZERO).min(MAX_KEY))
                            + ", "
                            + HashKeys.format(end.max(BigInteger.ZERO).min(MAX_KEY))
                            + ") must satisfy 0 <= begin < end <= "
                            + HashKeys.format(MAX_KEY));
        }
    }

    /** Parses two hash keys of 1 to 32 hex digits in any case. */
    public static HashKeyRange of(String beginHashKey, String endHashKey) {
        return new HashKeyRange(HashKeys.parse(beginHashKey), HashKeys.parse(endHashKey));
    }

    /** Whether the key lies in this range (the top range also holds {@link #MAX_KEY}). */
    public boolean contains(BigInteger key) {
        return key.compareTo(begin) >= 0
                && (key.compareTo(end) < 0 || (end.equals(MAX_KEY) && key.equals(MAX_KEY)));
    }

    /** Whether the hash key (1 to 32 hex digits) lies in this range. */
    public boolean contains(String hashKey) {
        return contains(HashKeys.parse(hashKey));
    }

    /** The begin key as 32 upper-case hex digits. */
    public String beginHashKey() {
        return HashKeys.format(begin);
    }

    /** The end key as 32 upper-case hex digits. */
    public String endHashKey() {
        return HashKeys.format(end);
    }

    @Override
    public int compareTo(HashKeyRange other) {
        int byBegin = begin.compareTo(other.begin);
        return byBegin != 0 ? byBegin : end.compareTo(other.end);
    }

    /**
     * The hash key the service derives from a partition key: the MD5 digest of its UTF-8 bytes,
     * read as an unsigned 128-bit number (what the Go producer computes client-side too).
     */
    public static BigInteger partitionKeyHash(String partitionKey) {
        Objects.requireNonNull(partitionKey, "partitionKey");
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return new BigInteger(1, md5.digest(partitionKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a mandatory JDK algorithm", e);
        }
    }

    /**
     * The ACTIVE shard whose range contains the key, as the service routes a HashKey or
     * PartitionKey; null when no ACTIVE shard holds it (the shard list is stale: re-list).
     */
    public static ShardInfo ownerOf(Collection<ShardInfo> shards, BigInteger key) {
        for (ShardInfo shard : shards) {
            if (shard.state() == ShardState.ACTIVE && shard.hashKeyRange().contains(key)) {
                return shard;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "[" + beginHashKey() + ", " + endHashKey() + ")";
    }
}
