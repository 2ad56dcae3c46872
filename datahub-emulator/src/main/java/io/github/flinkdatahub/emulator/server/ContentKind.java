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

import java.util.Locale;

/** The body protocol of a request, from its {@code Content-Type} header. */
enum ContentKind {
    /** {@code application/json} (any parameters) or no Content-Type at all. */
    JSON,
    /** {@code application/x-protobuf}: a DHUB-framed protobuf message (PB mode). */
    PROTOBUF,
    /** {@code application/x-binary}: the batch binary mode (a DHUB frame carrying batches). */
    BINARY,
    /** Anything else. */
    OTHER;

    /** Classifies a Content-Type header value (nullable). */
    public static ContentKind of(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return JSON;
        }
        String mime = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        switch (mime) {
            case "application/json":
                return JSON;
            case "application/x-protobuf":
                return PROTOBUF;
            case "application/x-binary":
                return BINARY;
            default:
                return OTHER;
        }
    }
}
