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

package io.github.flinkdatahub.connector.table;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Shared text for the option enums, whose {@code toString()} is the value a WITH clause uses. */
final class OptionValues {

    private OptionValues() {}

    /** The allowed values quoted and comma-separated, for error messages: {@code 'a', 'b'}. */
    static String allowed(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> "'" + v + "'").collect(Collectors.joining(", "));
    }
}
