package io.passerelle.api;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.passerelle.connection.FieldProblem;
import io.passerelle.request.TypeProblems;
import java.io.IOException;

/**
 * Reads a value of the wrong type as null and records it, named by its path ({@code lines[0].quantity}), in the
 * request's {@link TypeProblems}, so that one answer lists every type error of a body. The message names the
 * type expected, never the value sent (it may be a secret). Installed on the reader of one request body only,
 * with {@link #module()} on its mapper.
 */
final class TypeProblemRecorder extends DeserializationProblemHandler {

    private final List<FieldProblem> problems;

    TypeProblemRecorder(List<FieldProblem> problems) {
        this.problems = problems;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
            String failureMsg) {
        return record(ctxt.getParser(), targetType);
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
            String failureMsg) {
        return record(ctxt.getParser(), targetType);
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
            String failureMsg) throws IOException {
        return recordAndSkip(p, targetType.getRawClass());
    }

    @Override
    public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
            ValueInstantiator valueInsta, JsonParser p, String msg) throws IOException {
        return recordAndSkip(p, instClass);
    }

    /** Leaves the parser on the value's last token, as Jackson expects of a handler that answers a value. */
    private Object recordAndSkip(JsonParser p, Class<?> expected) throws IOException {
        record(p, expected);
        p.skipChildren();
        return null;
    }

    private Object record(JsonParser p, Class<?> expected) {
        problems.add(new FieldProblem(path(p), "expected " + ApiExceptionHandler.describe(expected)));
        return null;
    }

    /**
     * What lets a number or boolean sent as an object ({@code "quantity": {}}) reach the handler too: Jackson's
     * own number and boolean deserializers read an object through a path that cannot take a substitute, so an
     * object is turned into the plain "unexpected token" problem first. Without a handler (every reader but a
     * request body's) that fails as Jackson always did.
     */
    static Module module() {
        return new SimpleModule("type-problems").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                boolean scalar = Number.class.isAssignableFrom(type) || type == Boolean.class
                        || (type.isPrimitive() && type != void.class);
                return scalar ? new ObjectAsScalar(deserializer) : deserializer;
            }
        });
    }

    /** See {@link #module()}. */
    private static final class ObjectAsScalar extends DelegatingDeserializer {

        ObjectAsScalar(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new ObjectAsScalar(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.START_OBJECT)) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            return super.deserialize(p, ctxt);
        }
    }

    /** {@code lines[0].quantity}; {@code body} for the whole body. */
    static String path(JsonParser p) {
        JsonStreamContext context = p.getParsingContext();
        if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
            context = context.getParent(); // the value's own context has just begun: its name is its parent's
        }
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        String path = String.join("", parts);
        return path.isEmpty() ? "body" : path.startsWith(".") ? path.substring(1) : path;
    }
}
