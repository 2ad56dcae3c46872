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

package io.github.flinkdatahub.connector.source.deserializer;

import io.github.flinkdatahub.connector.client.TupleRecord;
import io.github.flinkdatahub.connector.source.DataHubRecord;
import io.github.flinkdatahub.connector.source.DataHubRecordDeserializationSchema;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * TUPLE records as POJOs: a public no-argument constructor and public non-static fields, matched by
 * name to the DataHub fields (missing fields stay at their default).
 */
@Internal
public final class PojoDeserializationSchema<T> implements DataHubRecordDeserializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private transient Constructor<T> constructor;
    private transient List<Field> fields;

    /** POJOs of this class; fails at once if it has no public no-arg constructor. */
    public PojoDeserializationSchema(Class<T> type) {
        this.type = type;
        init();
    }

    private void init() {
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(
                    "pojo("
                            + type.getName()
                            + "): the class needs a public no-argument constructor");
        }
        fields = new ArrayList<>();
        for (Field f : type.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isFinal(f.getModifiers())) {
                fields.add(f);
            }
        }
    }

    @Override
    public void deserialize(DataHubRecord record, Collector<T> out) throws IOException {
        if (constructor == null) {
            init();
        }
        TupleRecord tuple = record.tuple();
        try {
            T pojo = constructor.newInstance();
            for (Field f : fields) {
                Object v = JavaValues.get(tuple, f.getName(), f.getType());
                if (v != null) {
                    f.set(pojo, v);
                }
            }
            out.collect(pojo);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IOException(
                    "Cannot build " + type.getName() + " from record " + record + ": " + e, e);
        }
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return TypeInformation.of(type);
    }
}
