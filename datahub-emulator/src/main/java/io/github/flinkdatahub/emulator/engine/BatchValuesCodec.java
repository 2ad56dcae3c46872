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

import io.github.flinkdatahub.emulator.engine.DataHubEngine.FieldSpec;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Validates a batch-mode record's {@link BatchValues} against its schema and prepares its stored
 * form, with the checks and results of {@link WriteOps#canonicalTuple} on their text: integers are
 * range-checked as numbers and written as their decimal digits, ASCII STRING values are
 * length-checked and copied as the bytes they are, everything else (non-ASCII text too, whose bytes
 * may not be valid UTF-8) goes through its text and {@link Values#canonical}.
 */
final class BatchValuesCodec {

    private BatchValuesCodec() {}

    static RecordCodec.Parts parts(
            Map<String, String> attributes, List<FieldSpec> fields, BatchValues values) {
        if (values.size() != fields.size()) {
            WriteOps.canonicalTuple(fields, values); // reports the width mismatch
        }
        Map<String, String> attrs = attributes == null ? Map.of() : attributes;
        int n = 2 * attrs.size() + fields.size();
        byte[][] strings = new byte[n][];
        int[] offsets = new int[n];
        int[] lengths = new int[n];
        int k = 0;
        for (Map.Entry<String, String> e : attrs.entrySet()) {
            k = whole(strings, offsets, lengths, k, RecordCodec.utf8(e.getKey()));
            k = whole(strings, offsets, lengths, k, RecordCodec.utf8(e.getValue()));
        }
        for (int i = 0; i < fields.size(); i++, k++) {
            FieldSpec f = fields.get(i);
            if (values.isNull(i)) {
                if (f.notNull()) {
                    throw Errors.malformedRecord("field '" + f.name() + "' must not be null");
                }
                continue; // strings[k] stays null
            }
            try {
                if (f.type().equals("STRING") && values.isAscii(i)) {
                    if (values.length(i) > Values.MAX_STRING_BYTES) {
                        throw new IllegalArgumentException(
                                "STRING value exceeds " + Values.MAX_STRING_BYTES + " bytes");
                    }
                    strings[k] = values.area();
                    offsets[k] = values.offset(i);
                    lengths[k] = values.length(i);
                } else if (values.isLong(i) && Values.isInteger(f.type())) {
                    Values.checkInteger(f.type(), values.longValue(i));
                    whole(strings, offsets, lengths, k, ascii(values.longValue(i)));
                } else {
                    byte[] text = RecordCodec.utf8(Values.canonical(f.type(), values.get(i)));
                    whole(strings, offsets, lengths, k, text);
                }
            } catch (IllegalArgumentException e) {
                throw Errors.malformedRecord("field '" + f.name() + "': " + e.getMessage());
            }
        }
        return new RecordCodec.Parts(strings, offsets, lengths, attrs.size(), fields.size(), null);
    }

    private static int whole(byte[][] strings, int[] offsets, int[] lengths, int k, byte[] b) {
        strings[k] = b;
        offsets[k] = 0;
        lengths[k] = b == null ? -1 : b.length;
        return k + 1;
    }

    private static byte[] ascii(long v) {
        return Long.toString(v).getBytes(StandardCharsets.ISO_8859_1);
    }
}
