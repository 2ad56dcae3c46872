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

import io.github.flinkdatahub.connector.catalog.DataHubCatalogFactory;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.FallbackKey;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.description.HtmlFormatter;
import org.apache.flink.table.factories.Factory;
import org.apache.flink.util.TimeUtils;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the option tables of docs/sql.md and docs/catalog.md equal to the factories' options: the
 * tables between {@code <!-- options:begin -->} and {@code <!-- options:end -->} are generated from
 * the ConfigOptions. To regenerate after changing an option: {@code ./mvnw -pl
 * flink-connector-datahub verify -Pfast -Dtest=OptionsDocsTest -Ddocs.update=true ...}.
 */
class OptionsDocsTest {

    private static final String BEGIN = "<!-- options:begin -->";
    private static final String END = "<!-- options:end -->";

    @Test
    void sqlPageListsEveryTableOption() throws IOException {
        check(Paths.get("..", "docs", "sql.md"), new DataHubDynamicTableFactory());
    }

    @Test
    void catalogPageListsEveryCatalogOption() throws IOException {
        check(Paths.get("..", "docs", "catalog.md"), new DataHubCatalogFactory());
    }

    private static void check(Path page, Factory factory) throws IOException {
        String text = Files.readString(page, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertThat(begin).as(page + " has " + BEGIN).isNotNegative();
        assertThat(end).as(page + " has " + END).isGreaterThan(begin);
        String expected = "\n" + table(factory);
        String actual = text.substring(begin + BEGIN.length(), end);
        if (Boolean.getBoolean("docs.update") && !expected.equals(actual)) {
            Files.writeString(
                    page,
                    text.substring(0, begin + BEGIN.length()) + expected + text.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual)
                .as("options table of " + page + " (regenerate with -Ddocs.update=true)")
                .isEqualTo(expected);
    }

    /** The Markdown table of a factory's options: required first, then optional. */
    static String table(Factory factory) {
        Set<ConfigOption<?>> required = new LinkedHashSet<>(sorted(factory.requiredOptions()));
        List<ConfigOption<?>> all = new ArrayList<>(required);
        all.addAll(sorted(factory.optionalOptions()));
        StringBuilder b = new StringBuilder();
        b.append("| option | commercial key | required | type | default | description |\n");
        b.append("| --- | --- | --- | --- | --- | --- |\n");
        for (ConfigOption<?> option : all) {
            List<String> fallbacks = new ArrayList<>();
            for (FallbackKey key : option.fallbackKeys()) {
                fallbacks.add("`" + key.getKey() + "`");
            }
            b.append("| `")
                    .append(option.key())
                    .append("` | ")
                    .append(String.join(", ", fallbacks))
                    .append(" | ")
                    .append(required.contains(option) ? "yes" : "no")
                    .append(" | ")
                    .append(typeOf(option))
                    .append(" | ")
                    .append(defaultOf(option))
                    .append(" | ")
                    .append(descriptionOf(option).replace("|", "\\|").replace("\n", " "))
                    .append(" |\n");
        }
        return b.toString();
    }

    private static List<ConfigOption<?>> sorted(Set<ConfigOption<?>> options) {
        // The factories return insertion-ordered sets; Set.of (required) is sorted by key here.
        List<ConfigOption<?>> list = new ArrayList<>(options);
        if (!(options instanceof LinkedHashSet)) {
            list.sort((a, b) -> a.key().compareTo(b.key()));
        }
        return list;
    }

    private static Class<?> clazz(ConfigOption<?> option) {
        try {
            Method m = ConfigOption.class.getDeclaredMethod("getClazz");
            m.setAccessible(true);
            return (Class<?>) m.invoke(option);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String typeOf(ConfigOption<?> option) {
        Class<?> type = clazz(option);
        if (type.isEnum()) {
            List<String> values = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                values.add("`" + constant + "`");
            }
            return "enum: " + String.join(", ", values);
        }
        return type.getSimpleName();
    }

    private static String defaultOf(ConfigOption<?> option) {
        if (!option.hasDefaultValue()) {
            return "none";
        }
        Object value = option.defaultValue();
        if (value instanceof Duration d) {
            return "`" + TimeUtils.formatWithHighestUnit(d) + "`";
        }
        if (value instanceof MemorySize m) {
            long bytes = m.getBytes();
            return "`"
                    + (bytes % (1 << 20) == 0
                            ? bytes / (1 << 20) + " mb"
                            : bytes % 1024 == 0 ? bytes / 1024 + " kb" : bytes + " bytes")
                    + "`";
        }
        return "`" + value + "`";
    }

    private static String descriptionOf(ConfigOption<?> option) {
        return new HtmlFormatter().format(option.description());
    }
}
