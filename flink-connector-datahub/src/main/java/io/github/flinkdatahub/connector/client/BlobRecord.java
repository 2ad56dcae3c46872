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

import java.util.Arrays;
import java.util.Objects;

/** The bytes of one record of a BLOB topic (may be empty, never null). */
public final class BlobRecord implements RecordPayload {

    private final byte[] data;

    private BlobRecord(byte[] data) {
        this.data = data;
    }

    /** Copies the given bytes. */
    public static BlobRecord of(byte[] data) {
        return new BlobRecord(Objects.requireNonNull(data, "blob data must not be null").clone());
    }

    /** Takes ownership of the array without copying (the caller must not modify it later). */
    static BlobRecord wrap(byte[] data) {
        return new BlobRecord(data);
    }

    /** A copy of the bytes. */
    public byte[] data() {
        return data.clone();
    }

    /** The number of bytes. */
    public int length() {
        return data.length;
    }

    /** The internal array, for the codecs only (no copy on the hot path). */
    byte[] unsafeData() {
        return data;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlobRecord other && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "BlobRecord[" + data.length + " bytes]";
    }
}
