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

import okhttp3.ResponseBody;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A successful (status &lt; 400) response: its body either decompressed or, when the server sent it
 * uncompressed, still on the connection (read it once, with {@link #body()} or {@link #stream()},
 * before the decoder returns). A failure reading the connection surfaces as a retryable {@link
 * DataHubTransportException}.
 */
final class HttpResult {

    private final int status;
    private final String requestId;
    private final HttpTransport.HttpCall call;
    private byte[] body;
    private ResponseBody unread;

    HttpResult(
            int status,
            String requestId,
            byte[] body,
            ResponseBody unread,
            HttpTransport.HttpCall call) {
        this.status = status;
        this.requestId = requestId;
        this.body = body;
        this.unread = unread;
        this.call = call;
    }

    int status() {
        return status;
    }

    String requestId() {
        return requestId;
    }

    /** The whole body. */
    byte[] body() {
        if (body == null) {
            body = readFully(call, unread);
            unread = null;
        }
        return body;
    }

    /** The body as a stream, without first copying it into an array when it is unread. */
    InputStream stream() {
        if (unread == null) {
            return new ByteArrayInputStream(body());
        }
        InputStream source = unread.byteStream();
        unread = null;
        body = new byte[0];
        return new FilterInputStream(source) {
            @Override
            public int read() {
                try {
                    return super.read();
                } catch (IOException e) {
                    throw readFailure(call, e);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) {
                try {
                    return super.read(b, off, len);
                } catch (IOException e) {
                    throw readFailure(call, e);
                }
            }
        };
    }

    /** Reads the body so that the result outlives its response. */
    HttpResult materialize() {
        body();
        return this;
    }

    static byte[] readFully(HttpTransport.HttpCall call, ResponseBody body) {
        try {
            return body.bytes();
        } catch (IOException e) {
            throw readFailure(call, e);
        }
    }

    /** The response arrived but its body could not be read: retryable, and the request was sent. */
    static DataHubTransportException readFailure(HttpTransport.HttpCall call, IOException e) {
        return new DataHubTransportException(
                call.describe() + " failed reading the response: " + e, true, e);
    }
}
