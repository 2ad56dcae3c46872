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

package io.github.flinkdatahub.examples.windows;

import java.util.Objects;

/** One customer's total in one tumbling window, as written to the output topic. */
public class WindowResult {
    /** The customer. */
    public String customer;

    /** Window start, epoch milliseconds (inclusive). */
    public long windowStartMillis;

    /** Window end, epoch milliseconds (exclusive). */
    public long windowEndMillis;

    /** Orders in the window. */
    public long orderCount;

    /** Sum of the amounts in cents. */
    public long totalCents;

    /** For Flink's POJO serializer. */
    public WindowResult() {}

    /** A result with all fields. */
    public WindowResult(
            String customer,
            long windowStartMillis,
            long windowEndMillis,
            long orderCount,
            long totalCents) {
        this.customer = customer;
        this.windowStartMillis = windowStartMillis;
        this.windowEndMillis = windowEndMillis;
        this.orderCount = orderCount;
        this.totalCents = totalCents;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WindowResult r
                && customer.equals(r.customer)
                && windowStartMillis == r.windowStartMillis
                && windowEndMillis == r.windowEndMillis
                && orderCount == r.orderCount
                && totalCents == r.totalCents;
    }

    @Override
    public int hashCode() {
        return Objects.hash(customer, windowStartMillis, windowEndMillis, orderCount, totalCents);
    }

    @Override
    public String toString() {
        return customer
                + "@"
                + windowStartMillis
                + ".."
                + windowEndMillis
                + " count="
                + orderCount
                + " total="
                + totalCents;
    }
}
