package io.passerelle.erp.acumatica;

import java.util.List;

/** An HTTP answer: status, body, the cookies it set and how long it asks us to wait (Retry-After). */
public record HttpAnswer(int status, String body, List<String> setCookies, Long retryAfterSeconds) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
