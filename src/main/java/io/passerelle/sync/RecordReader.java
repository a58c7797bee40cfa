package io.passerelle.sync;

/**
 * Reads what syncs wrote, for {@code GET /api/connections/{id}/records/{entity}}. {@code entity} is
 * the API's plural name ({@code employees}, {@code hourTypes}, …); an unknown one throws
 * {@link UnknownEntityException}. {@code q} matches any text field of the record, folded like keys and
 * case-insensitively (may be null); {@code after} is a page's {@code next} (null for the first page).
 */
public interface RecordReader {

    RecordPage list(String connectionId, String entity, String q, int limit, Long after);

    /**
     * As {@link #list}, for a platform company: its records from whichever of its connections brought them, each once
     * (with the remote key and custom fields of the first of those connections, by id).
     */
    RecordPage listOfCompany(long companyId, String entity, String q, int limit, Long after);
}
