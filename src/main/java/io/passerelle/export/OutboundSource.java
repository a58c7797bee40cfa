package io.passerelle.export;

import java.util.List;

/** What an ERP module gives the outbound engine: its flows, each the platform's items to one of the ERP's sinks. */
public interface OutboundSource {

    String erp();

    List<OutboundFlow<?, ?>> outbound();
}
