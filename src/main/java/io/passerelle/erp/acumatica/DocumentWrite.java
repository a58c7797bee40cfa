package io.passerelle.erp.acumatica;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One document to upsert. {@code lookup}, when set, is the {@code $filter} that finds a document
 * written earlier for the same platform item (whose key Acumatica numbered itself); the write then
 * updates it instead of creating a second one. {@code keyFields} are copied from what the lookup found.
 */
public record DocumentWrite(String entity, ObjectNode body, String lookup, Map<String, String> keyFields) {
}
