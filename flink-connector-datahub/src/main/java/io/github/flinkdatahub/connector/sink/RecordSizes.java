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

package io.github.flinkdatahub.connector.sink;

import io.github.flinkdatahub.connector.client.BlobRecord;
import io.github.flinkdatahub.connector.client.PutRecord;
import io.github.flinkdatahub.connector.client.TupleRecord;

import java.math.BigDecimal;
import java.util.Map;

/**
 * An upper estimate of a record's encoded size in a put request (protobuf: values as text, each
 * with a few bytes of framing). A package-private stand-in until the client offers its own
 * estimate; it errs on the large side so that a batch never exceeds the service's 4 MB limit.
 */
final class RecordSizes {

    /** Framing of one record: sequence fields, lengths, the record entry itself. */
    static final int RECORD_OVERHEAD = 48;

    private static final int VALUE_OVERHEAD = 6;

    private RecordSizes() {}

    static int estimate(PutRecord record) {
        long size = RECORD_OVERHEAD;
        if (record.payload() instanceof BlobRecord blob) {
            size += blob.length() + VALUE_OVERHEAD;
        } else {
            TupleRecord tuple = (TupleRecord) record.payload();
            for (int i = 0; i < tuple.size(); i++) {
                size += VALUE_OVERHEAD + valueSize(tuple.get(i));
            }
        }
        for (Map.Entry<String, String> a : record.attributes().entrySet()) {
            size += 2 * VALUE_OVERHEAD + utf8Length(a.getKey()) + utf8Length(a.getValue());
        }
        return (int) Math.min(Integer.MAX_VALUE, size);
    }

    private static int valueSize(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof String s) {
            return utf8Length(s);
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString().length();
        }
        if (value instanceof Double || value instanceof Float) {
            return 24;
        }
        return 20; // the longest integer text
    }

    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
