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

/** One order read from the input topic (a Flink POJO: public fields, no-arg constructor). */
public class Order {
    /** The order id. */
    public long orderId;

    /** The customer, the key of the windows. */
    public String customer;

    /** The amount in cents. */
    public long amountCents;

    /** Event time in epoch milliseconds. */
    public long eventTimeMillis;

    /** For Flink's POJO serializer. */
    public Order() {}

    /** An order with all fields. */
    public Order(long orderId, String customer, long amountCents, long eventTimeMillis) {
        this.orderId = orderId;
        this.customer = customer;
        this.amountCents = amountCents;
        this.eventTimeMillis = eventTimeMillis;
    }
}
