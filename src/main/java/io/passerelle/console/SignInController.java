package io.passerelle.console;

import io.passerelle.api.security.ApiPrincipal;
import io.passerelle.api.security.ApiTokens;
import io.passerelle.api.security.FailedSignIns;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /} and {@code /sign-in}: the console's door. A token is checked with the API's {@link ApiTokens}; an unknown
 * one counts in the API's {@link FailedSignIns}, and an address with too many is refused before its token is looked
 * at, as the API refuses it. The token is never written back into the page, a URL or the log.
 */
@Controller
class SignInController {

    static final String HOME = "/console/connections";

    private final ApiTokens tokens;
    private final FailedSignIns failedSignIns;
    private final ConsoleSessions sessions;
    private final ConsoleMessages messages;

    SignInController(ApiTokens tokens, FailedSignIns failedSignIns, ConsoleSessions sessions,
            ConsoleMessages messages) {
        this.tokens = tokens;
        this.failedSignIns = failedSignIns;
        this.sessions = sessions;
        this.messages = messages;
    }

    @GetMapping({"/", "/sign-in"})
    String page(@RequestParam(name = "signed-out", required = false) String signedOut, Model model) {
        if (ApiPrincipal.current().isPresent()) {
            return "redirect:" + HOME;
        }
        if (signedOut != null) {
            model.addAttribute("notice", messages.text("console.signIn.signedOut"));
        }
        return "console/sign-in";
    }

    @PostMapping("/sign-in")
    String signIn(@RequestParam(required = false) String token, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        OptionalLong refusedFor = failedSignIns.refusedFor(request.getRemoteAddr());
        if (refusedFor.isPresent()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refusedFor.getAsLong()));
            model.addAttribute("problem", messages.text("console.signIn.tooMany", refusedFor.getAsLong()));
            return "console/sign-in";
        }
        if (token == null || token.isBlank()) {
            // nothing was guessed: not a failed sign-in, only a form sent too soon
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", messages.text("console.signIn.empty"));
            return "console/sign-in";
        }
        Optional<ApiPrincipal> principal = tokens.authenticate(token.strip());
        if (principal.isEmpty()) {
            failedSignIns.failed(request, FailedSignIns.Reason.UNKNOWN_TOKEN);
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("problem", messages.text("console.signIn.unknown"));
            return "console/sign-in";
        }
        sessions.signIn(request, response, principal.get());
        return "redirect:" + HOME;
    }
}
