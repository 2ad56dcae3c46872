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

/**
 * A response arrived but could not be decoded (bad frame, CRC-32C mismatch, malformed JSON or
 * protobuf, undecodable compression). Not retried: the client cannot tell what went wrong.
 */
public class DataHubDecodeException extends DataHubException {

    private static final long serialVersionUID = 1L;

    private final String call;
    private final String field;

    /** A response that could not be decoded as a whole (frame, CRC, JSON syntax, ...). */
    public DataHubDecodeException(
            String message, int httpStatus, String requestId, Throwable cause) {
        super(message, httpStatus, null, requestId, false, cause);
        this.call = null;
        this.field = null;
    }

    /**
     * A control-plane response whose field is missing or has the wrong type.
     *
     * @param call the operation, e.g. {@code ListShard}
     * @param field the field path in the response, e.g. {@code Shards[0].ShardId}
     * @param problem what is wrong, e.g. {@code is missing}
     */
    public DataHubDecodeException(String call, String field, String problem) {
        super(
                call
                        + " response: "
                        + (field.isEmpty() ? "the body " : "field '" + field + "' ")
                        + problem,
                0,
                null,
                null,
                false,
                null);
        this.call = call;
        this.field = field;
    }

    /** The operation whose response failed to decode, or null when not known. */
    public String call() {
        return call;
    }

    /** The path of the offending field (empty for the body itself), or null when not known. */
    public String field() {
        return field;
    }
}
