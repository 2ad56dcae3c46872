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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Value validation and canonical text per DataHub type. */
class ValuesTest {

    @ParameterizedTest
    @CsvSource({
        "TINYINT, 127, 127",
        "TINYINT, -128, -128",
        "TINYINT, +5, 5",
        "SMALLINT, 32767, 32767",
        "INTEGER, -2147483648, -2147483648",
        "BIGINT, 9223372036854775807, 9223372036854775807",
        "BIGINT, 007, 7",
        "BIGINT, -0, 0",
        "BIGINT, 0, 0",
        "INTEGER, -12, -12",
        "INTEGER, 1\u0665, 15",
        "TIMESTAMP, 1700000000123456, 1700000000123456",
        "TIMESTAMP, 253402271999000000, 253402271999000000",
        "BOOLEAN, True, true",
        "BOOLEAN, 1, true",
        "BOOLEAN, FALSE, false",
        "BOOLEAN, 0, false",
        "DECIMAL, 10000.000100, 10000.000100",
        "DECIMAL, -1E+3, -1E+3",
        "DOUBLE, 1.5e+00, 1.5e+00",
        "DOUBLE, .5, .5",
        "DOUBLE, NaN, NaN",
        "FLOAT, 1.5, 1.5",
        "FLOAT, -Infinity, -Infinity",
        "FLOAT, 3.4e38, 3.4e38",
        "FLOAT, 99999999999999999999999999999999999999, 99999999999999999999999999999999999999",
        "DOUBLE, 1e308, 1e308",
        "DOUBLE, -1.5e-99999, -1.5e-99999",
        "STRING, ' a ', ' a '"
    })
    void canonical(String type, String in, String out) {
        assertThat(Values.canonical(type, in)).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource({
        "TINYINT, 128",
        "TINYINT, 1.0",
        "SMALLINT, -32769",
        "INTEGER, 2147483648",
        "BIGINT, -9223372036854775808",
        "BIGINT, 1e3",
        "BIGINT, ''",
        "TIMESTAMP, 253402271999000001",
        "BOOLEAN, yes",
        "BOOLEAN, 2",
        "DECIMAL, 1.2.3",
        "DOUBLE, 1.5d",
        "DOUBLE, 0x1p3",
        "DOUBLE, abc",
        "FLOAT, 1e40",
        "FLOAT, 1e39",
        "FLOAT, 400000000000000000000000000000000000000",
        "DOUBLE, 2e308",
        "DOUBLE, 1e99999",
        "FLOAT, ''"
    })
    void rejected(String type, String in) {
        assertThatThrownBy(() -> Values.canonical(type, in))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(type);
    }

    /** The grammar FLOAT and DOUBLE text must match (the regular expression this scan replaced). */
    private static final Pattern FLOATING =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(NaN|Infinity)");

    @Test
    void floatingScanAcceptsExactlyTheGrammar() {
        List<String> samples =
                new ArrayList<>(
                        List.of(
                                "",
                                "+",
                                "-",
                                ".",
                                "e5",
                                "5e",
                                "5e+",
                                ".e1",
                                "1.",
                                ".5",
                                "+.5",
                                "-1.5E-7",
                                "NaN",
                                "-NaN",
                                "+Infinity",
                                "Infinityx",
                                "Inf",
                                "NaNa",
                                "1.5.",
                                "1..5",
                                "1e5.0",
                                "0x10",
                                "1 ",
                                " 1",
                                "1_0",
                                "\u0665"));
        String alphabet = "0123456789.eE+-NaIfity x";
        Random random = new Random(42);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(8);
            for (int j = 0; j < n; j++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            samples.add(b.toString());
        }
        for (String s : samples) {
            assertThat(Values.isFloatingText(s))
                    .as("'%s'", s)
                    .isEqualTo(FLOATING.matcher(s).matches());
        }
    }
}
