package io.passerelle.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import io.passerelle.canonical.MappingException;
import io.passerelle.run.Causes;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.Predicate;
import org.apache.camel.spi.Language;
import org.apache.camel.support.DefaultExchange;

/**
 * A route file's {@code filter} and {@code customFields}, compiled once with Camel's jq language and evaluated on
 * each remote item as the ERP sent it. A rule that does not compile is refused when the file is loaded; one that
 * fails on an item fails that item alone, naming the rule.
 */
final class JqRules {

    private JqRules() {
    }

    /** A blank filter, or {@code true}, keeps everything without evaluating anything. */
    static ItemFilter filter(CamelContext camel, String expression) {
        if (expression == null || expression.isBlank() || expression.strip().equals("true")) {
            return ItemFilter.ALL;
        }
        Predicate predicate = compile(camel, "filter", expression, language -> language.createPredicate(expression));
        return item -> {
            try {
                return predicate.matches(exchange(camel, item));
            } catch (RuntimeException e) {
                throw new MappingException("FILTER_FAILED", "the flow's filter '" + expression + "' failed on this item: "
                        + Causes.rootMessage(e));
            }
        };
    }

    /**
     * @param spec a JSON object of name → jq expression, e.g. {@code {"template": ".ProjectTemplateID.value"}}
     */
    static CustomFields customFields(CamelContext camel, ObjectMapper json, String spec) {
        if (spec == null || spec.isBlank()) {
            return CustomFields.NONE;
        }
        JsonNode object;
        try {
            object = json.readTree(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("customFields must be a JSON object of name → jq expression: "
                    + e.getOriginalMessage());
        }
        if (object == null || !object.isObject()) {
            throw new IllegalArgumentException("customFields must be a JSON object of name → jq expression, was " + spec);
        }
        if (object.isEmpty()) {
            return CustomFields.NONE;
        }
        Map<String, Expression> rules = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (!field.getValue().isTextual()) {
                throw new IllegalArgumentException("customFields." + field.getKey() + " must be a jq expression in a string");
            }
            String text = field.getValue().asText();
            rules.put(field.getKey(), compile(camel, "customFields." + field.getKey(), text,
                    language -> language.createExpression(text)));
        }
        return item -> {
            Map<String, JsonNode> values = new LinkedHashMap<>();
            Exchange exchange = exchange(camel, item);
            rules.forEach((name, rule) -> {
                try {
                    values.put(name, asJson(rule.evaluate(exchange, Object.class)));
                } catch (RuntimeException e) {
                    throw new MappingException("CUSTOM_FIELD_FAILED", "custom field '" + name + "' failed on this item: "
                            + Causes.rootMessage(e));
                }
            });
            return values;
        };
    }

    private interface Compiler<T> {
        T compile(Language language);
    }

    private static <T> T compile(CamelContext camel, String what, String expression, Compiler<T> compiler) {
        try {
            T compiled = compiler.compile(camel.resolveLanguage("jq"));
            if (compiled instanceof Expression e) {
                e.init(camel);
            } else if (compiled instanceof Predicate p) {
                p.init(camel);
            }
            return compiled;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + " '" + expression + "' is not a jq expression: " + Causes.rootMessage(e));
        }
    }

    private static Exchange exchange(CamelContext camel, JsonNode item) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(item);
        return exchange;
    }

    /** jq answers one value, or several as a list; nothing at all is null. */
    private static JsonNode asJson(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof Collection<?> values) {
            var array = JsonNodeFactory.instance.arrayNode();
            values.forEach(each -> array.add(asJson(each)));
            return array;
        }
        return JsonNodeFactory.instance.textNode(value.toString());
    }
}
