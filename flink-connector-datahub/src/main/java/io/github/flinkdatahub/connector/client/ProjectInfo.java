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

import java.time.Instant;

/**
 * A project as returned by GetProject.
 *
 * @param name the project name (as requested)
 * @param comment the project comment
 * @param createTime creation time (the service sends seconds)
 * @param lastModifyTime last modification time (the service sends seconds)
 * @param creator the creator account, may be null
 */
public record ProjectInfo(
        String name, String comment, Instant createTime, Instant lastModifyTime, String creator) {}
