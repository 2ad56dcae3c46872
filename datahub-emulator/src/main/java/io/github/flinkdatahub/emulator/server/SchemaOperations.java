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

package io.github.flinkdatahub.emulator.server;

import io.github.flinkdatahub.emulator.engine.DataHubEngine;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.SchemaPage;
import io.github.flinkdatahub.emulator.engine.DataHubEngine.SchemaVersion;
import io.github.flinkdatahub.emulator.engine.EngineException;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The schema registry calls (section 4.10), all {@code POST /projects/{p}/topics/{t}} with an
 * Action: ListSchema, GetSchema (by VersionId, or by RecordSchema with VersionId -1),
 * RegisterSchema and DeleteSchema. {@code RecordSchema} travels as a JSON string.
 */
final class SchemaOperations {

    private final DataHubEngine engine;

    SchemaOperations(DataHubEngine engine) {
        this.engine = engine;
    }

    HttpReply list(Exchange ex) {
        Integer number = Json.intValue(ex.json(), "PageNumber", false);
        Integer size = Json.intValue(ex.json(), "PageSize", false);
        SchemaPage page =
                engine.listSchemas(
                        ex.route().project(),
                        ex.route().topic(),
                        number == null ? -1 : number,
                        size == null ? -1 : size);
        ObjectNode out = Json.object();
        out.put("PageNumber", page.pageNumber());
        out.put("PageSize", page.pageSize());
        out.put("PageCount", page.pageCount());
        out.put("TotalCount", page.totalCount());
        ArrayNode list = out.putArray("RecordSchemaList");
        for (SchemaVersion v : page.schemas()) {
            entry(list.addObject(), v);
        }
        return HttpReply.ok(out);
    }

    HttpReply get(Exchange ex) {
        Integer version = Json.intValue(ex.json(), "VersionId", false);
        String schema = Json.text(ex.json(), "RecordSchema", false);
        SchemaVersion v;
        if (version != null && version >= 0) {
            v = engine.getSchema(ex.route().project(), ex.route().topic(), version);
        } else if (schema != null) {
            v =
                    engine.findSchema(
                            ex.route().project(), ex.route().topic(), SchemaJson.parse(schema));
        } else {
            throw EngineException.invalidParameter(
                    "GetSchema needs a VersionId >= 0 or a RecordSchema.");
        }
        return HttpReply.ok(entry(Json.object(), v));
    }

    HttpReply register(Exchange ex) {
        String schema = Json.text(ex.json(), "RecordSchema", true);
        int id =
                engine.registerSchema(
                        ex.route().project(), ex.route().topic(), schema, SchemaJson.parse(schema));
        ObjectNode out = Json.object();
        out.put("VersionId", id);
        return HttpReply.ok(out);
    }

    HttpReply delete(Exchange ex) {
        Integer version = Json.intValue(ex.json(), "VersionId", true);
        engine.deleteSchema(ex.route().project(), ex.route().topic(), version);
        return HttpReply.ok(Json.object());
    }

    private static ObjectNode entry(ObjectNode n, SchemaVersion v) {
        n.put("VersionId", v.versionId());
        n.put("CreateTime", v.createTime());
        n.put("Creator", "");
        n.put("RecordSchema", v.recordSchemaJson());
        return n;
    }
}
