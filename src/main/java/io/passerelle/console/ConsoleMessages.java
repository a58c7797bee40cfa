package io.passerelle.console;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The console's words ({@code messages/console*.properties}) in the language of the request being answered. */
@Component
class ConsoleMessages {

    private final MessageSource messages;

    ConsoleMessages(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** The words of {@code key}, or {@code otherwise} when there are none (an ERP's note or field not translated). */
    String textOr(String key, String otherwise) {
        return messages.getMessage(key, null, otherwise, LocaleContextHolder.getLocale());
    }
}
