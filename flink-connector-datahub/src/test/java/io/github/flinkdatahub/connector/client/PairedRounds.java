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

import java.util.Arrays;
import java.util.List;

/**
 * Rounds measured in pairs, one side right after the other (alternating which goes first): the
 * ratio of a pair compares two measurements taken under the same conditions (JIT state, heap,
 * machine load), so the median of the pairs' ratios drifts less than the ratio of the two medians.
 * Both are printed.
 */
final class PairedRounds {

    private PairedRounds() {}

    /** The median of one figure ({@code index}) over the rounds. */
    static double median(List<double[]> rounds, int index) {
        double[] values = rounds.stream().mapToDouble(r -> r[index]).sorted().toArray();
        return values[values.length / 2];
    }

    /** The sorted ratios {@code a[i] / b[i]} of one figure over the pairs. */
    static double[] ratios(List<double[]> a, List<double[]> b, int index) {
        if (a.size() != b.size() || a.isEmpty()) {
            throw new IllegalArgumentException(
                    "Rounds must come in pairs: " + a.size() + " and " + b.size());
        }
        double[] ratios = new double[a.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = a.get(i)[index] / b.get(i)[index];
        }
        Arrays.sort(ratios);
        return ratios;
    }

    /** Median, lowest and highest of sorted ratios. */
    record Ratio(double median, double min, double max) {
        static Ratio of(double[] sorted) {
            return new Ratio(sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
        }
    }
}
