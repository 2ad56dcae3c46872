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

/**
 * When a consumer group answers {@code ConsumerGroupInProcess} ("group rebalancing; clients retry",
 * protocol notes section 3.2): the rule is UNCONFIRMED and documented in {@code docs/emulator.md},
 * "Consumer groups".
 *
 * <p>A <em>rebalance</em> runs from the moment a shard the planner moved is withheld from its new
 * owner (because another live consumer may still be reading it) until no shard is withheld any
 * more. During its first {@link #IN_PROCESS_MS} ms, measured on the emulator's clock:
 *
 * <ul>
 *   <li>{@code joinGroup} answers {@code ConsumerGroupInProcess} and adds nobody;
 *   <li>a {@code heartbeat} of a consumer that is waiting for a withheld shard and would give up
 *       nothing answers {@code ConsumerGroupInProcess}; it still renews the session and records the
 *       hold and read-end lists. A consumer that must give a shard up is always answered, so the
 *       handover itself is never delayed.
 * </ul>
 *
 * <p>{@code syncGroup} and {@code leaveGroup} never answer it: both only speed a handover up, and
 * the Python SDK raises a failed syncGroup to the caller of {@code read}. A join or heartbeat
 * during an ongoing rebalance does not restart the window, so a refused client is let in at its
 * next attempt one second later (the Go SDK tries joinGroup only three times, one second apart).
 */
final class GroupRebalance {

    /** How long a rebalance answers ConsumerGroupInProcess, ms (UNCONFIRMED). */
    static final long IN_PROCESS_MS = 1_000;

    /** HTTP status of ConsumerGroupInProcess: the SDKs only need 4xx/5xx (UNCONFIRMED). */
    static final int IN_PROCESS_STATUS = 503;

    private GroupRebalance() {}

    /** Records the start and end of a rebalance; call after every re-planning of {@code g}. */
    static void track(GroupState g, long nowMillis) {
        boolean withheld = false;
        for (GroupState.Member m : g.members.values()) {
            if (waiting(m)) {
                withheld = true;
                break;
            }
        }
        if (withheld && !g.rebalancing) {
            g.rebalanceSinceMillis = nowMillis;
        }
        g.rebalancing = withheld;
    }

    /** Throws ConsumerGroupInProcess if a join must wait for the rebalance under way. */
    static void checkJoin(GroupState g, long nowMillis) {
        if (inProcess(g, nowMillis)) {
            throw inProcess("a new consumer cannot join yet");
        }
    }

    /** Throws ConsumerGroupInProcess if {@code m} is waiting for a shard and loses none. */
    static void checkHeartbeat(GroupState g, GroupState.Member m, long nowMillis) {
        if (inProcess(g, nowMillis) && waiting(m) && losesNothing(m)) {
            throw inProcess("the assignment of consumer " + m.id + " is not settled yet");
        }
    }

    private static boolean inProcess(GroupState g, long nowMillis) {
        return g.rebalancing && nowMillis - g.rebalanceSinceMillis < IN_PROCESS_MS;
    }

    /** Whether the planner gave {@code m} a shard that another consumer still holds. */
    private static boolean waiting(GroupState.Member m) {
        return !m.effective.containsAll(m.plan);
    }

    /** Whether the normal answer would keep everything {@code m} may be reading. */
    private static boolean losesNothing(GroupState.Member m) {
        return m.effective.containsAll(m.held) && m.effective.containsAll(m.told);
    }

    private static EngineException inProcess(String detail) {
        return new EngineException(
                IN_PROCESS_STATUS,
                "ConsumerGroupInProcess",
                "The consumer group is rebalancing ("
                        + detail
                        + "); retry in "
                        + IN_PROCESS_MS
                        + " ms.");
    }
}
