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

/** Request body compression; the header names are the ones the SDKs send. */
public enum CompressionType {
    NONE(null),
    /** Raw LZ4 block (no frame); the uncompressed size travels in x-datahub-content-raw-size. */
    LZ4("lz4"),
    /** zlib-wrapped (RFC 1950) deflate stream, as the Java SDK's DeflaterOutputStream writes. */
    DEFLATE("deflate");

    private final String headerValue;

    CompressionType(String headerValue) {
        this.headerValue = headerValue;
    }

    /** The Content-Encoding value, null for NONE. */
    public String headerValue() {
        return headerValue;
    }
}
