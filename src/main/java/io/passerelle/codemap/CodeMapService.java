package io.passerelle.codemap;

import java.util.List;

import io.passerelle.connection.ConnectionNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and replaces a connection's code maps for the API. */
@Service
public class CodeMapService {

    private final CodeMapStore store;
    private final CodeMapValidator validator;

    public CodeMapService(CodeMapStore store) {
        this.store = store;
        this.validator = new CodeMapValidator();
    }

    /** @throws UnknownCodeMapKindException, ConnectionNotFoundException (both 404) */
    @Transactional(readOnly = true)
    public CodeMapDocument get(String connectionId, String kindPath) {
        CodeMapKind kind = kind(kindPath);
        companyOf(connectionId);
        return new CodeMapDocument(store.entries(connectionId, kind));
    }

    /** Replaces the whole map in one transaction and answers it as stored. */
    @Transactional
    public CodeMapDocument replace(String connectionId, String kindPath, CodeMapDocument document) {
        CodeMapKind kind = kind(kindPath);
        long companyId = companyOf(connectionId);
        List<CodeMapEntry> entries = validator.validate(kind, document,
                matchKeys -> store.erpCodes(companyId, kind, matchKeys));
        store.replace(connectionId, kind, entries);
        return new CodeMapDocument(store.entries(connectionId, kind));
    }

    private long companyOf(String connectionId) {
        return store.companyOf(connectionId).orElseThrow(() -> new ConnectionNotFoundException(connectionId));
    }

    private static CodeMapKind kind(String path) {
        return CodeMapKind.fromPath(path).orElseThrow(() -> new UnknownCodeMapKindException(path));
    }
}
