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

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.ValidationException;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.flinkdatahub.connector.table.DataHubConnectorOptions.TIME_ZONE;
import static io.github.flinkdatahub.connector.table.DataHubConnectorOptionsUtil.blankToNull;
import static io.github.flinkdatahub.connector.table.DataHubConnectorOptionsUtil.describe;

/** Parsing of start and stop positions: timestamps (millis or commercial strings), sequences. */
final class StartStopPositions {

    /** The commercial connector's 'yyyy-MM-dd HH:mm:ss' (24-hour clock, strict). */
    static final DateTimeFormatter COMMERCIAL_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT);

    private static final Pattern SEQUENCE_ENTRY =
            Pattern.compile("\\s*shard\\s*:\\s*(\\d{1,9})\\s*,\\s*sequence\\s*:\\s*(\\d+)\\s*");

    private StartStopPositions() {}

    /**
     * Returns {@code value} when the mode uses it; fails when the mode needs it and it is missing,
     * or when it is set for a mode that would ignore it.
     */
    static <T> T onlyFor(
            boolean modeUsesIt,
            T value,
            ConfigOption<?> modeOption,
            Object mode,
            String modeValue,
            ConfigOption<?>... valueOptions) {
        boolean present = value != null && !(value instanceof SortedMap<?, ?> m && m.isEmpty());
        List<String> names = new ArrayList<>();
        for (ConfigOption<?> option : valueOptions) {
            names.add(describe(option));
        }
        String valueNames = String.join(" or ", names);
        if (modeUsesIt && !present) {
            throw new ValidationException(
                    String.format("%s = '%s' needs %s.", modeOption.key(), modeValue, valueNames));
        }
        if (!modeUsesIt && present) {
            throw new ValidationException(
                    String.format(
                            "%s is only used with %s = '%s', but the mode is '%s'.",
                            valueNames, modeOption.key(), modeValue, mode));
        }
        return value;
    }

    /** Epoch millis from the millis option, else from the 'yyyy-MM-dd HH:mm:ss' option. */
    static Long timestamp(
            ReadableConfig config,
            ConfigOption<Long> millisOption,
            ConfigOption<String> textOption,
            ZoneId zone) {
        Optional<Long> millis = config.getOptional(millisOption);
        if (millis.isPresent()) {
            long value = millis.get();
            if (value < -1) {
                throw new ValidationException(
                        String.format(
                                "%s must be >= 0 (epoch milliseconds) but was %d.",
                                describe(millisOption), value));
            }
            return value;
        }
        String text = blankToNull(config.get(textOption));
        return text == null ? null : parseCommercialTime(text, zone, textOption);
    }

    /** Parses 'yyyy-MM-dd HH:mm:ss' in the zone to epoch milliseconds. */
    static long parseCommercialTime(String text, ZoneId zone, ConfigOption<String> option) {
        try {
            return LocalDateTime.parse(text.trim(), COMMERCIAL_TIME)
                    .atZone(zone)
                    .toInstant()
                    .toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new ValidationException(
                    String.format(
                            "Invalid value '%s' for %s; expected 'yyyy-MM-dd HH:mm:ss' (24-hour"
                                    + " clock) in %s (%s), e.g. '2026-01-31 23:59:00'.",
                            text, describe(option), describe(TIME_ZONE), zone));
        }
    }

    /** Parses 'shard:0,sequence:42;shard:1,sequence:7'; empty when the option is not set. */
    static SortedMap<String, Long> sequences(ReadableConfig config, ConfigOption<String> option) {
        SortedMap<String, Long> result = new TreeMap<>();
        String text = blankToNull(config.get(option));
        if (text == null) {
            return result;
        }
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            Matcher m = SEQUENCE_ENTRY.matcher(entry);
            if (!m.matches()) {
                throw new ValidationException(
                        String.format(
                                "Invalid entry '%s' in %s; expected 'shard:<id>,sequence:<n>'"
                                        + " entries separated by ';', e.g."
                                        + " 'shard:0,sequence:42;shard:1,sequence:7'.",
                                entry.trim(), describe(option)));
            }
            String shard = String.valueOf(Long.parseLong(m.group(1)));
            long sequence;
            try {
                sequence = Long.parseLong(m.group(2));
            } catch (NumberFormatException e) {
                throw new ValidationException(
                        String.format(
                                "Sequence '%s' of shard %s in %s is larger than %d.",
                                m.group(2), shard, describe(option), Long.MAX_VALUE));
            }
            if (result.put(shard, sequence) != null) {
                throw new ValidationException(
                        String.format("Shard %s appears twice in %s.", shard, describe(option)));
            }
        }
        if (result.isEmpty()) {
            throw new ValidationException(
                    String.format(
                            "%s has no entries; expected e.g. 'shard:0,sequence:42'.",
                            describe(option)));
        }
        return result;
    }
}
