package io.passerelle.sandbox.kit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** How simulators read and write JSON: strictly, as a server facing unknown clients should. */
public final class SimulatorJson {

    /** The HTTP simulators' mapper: strict, and decimals written plain ({@code 1222.80}, never {@code 1.2228E+3}). */
    public static final ObjectMapper HTTP = strictBuilder().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private SimulatorJson() {
    }

    /**
     * Amounts and hours are read as decimals, never as binary floating point, and nothing may follow the
     * document. A tree drops trailing zeros ({@code 7.50} → {@code 7.5}); bind to a type to keep them.
     */
    public static JsonMapper.Builder strictBuilder() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
