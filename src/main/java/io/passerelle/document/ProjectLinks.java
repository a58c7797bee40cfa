package io.passerelle.document;

import java.util.Collection;
import java.util.Map;

/**
 * The platform projects a connection links to ERP projects ({@code projects} code map): platform code (match key) →
 * the ERP project number linked, for the codes among {@code platformKeys} that the map names.
 */
@FunctionalInterface
interface ProjectLinks {

    ProjectLinks NONE = (connectionId, platformKeys) -> Map.of();

    Map<String, String> linked(String connectionId, Collection<String> platformKeys);
}
