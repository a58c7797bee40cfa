package io.passerelle.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link ConnectionGuard} before every controller of the API; it picks the paths it guards itself. */
@Configuration(proxyBeanMethods = false)
class ConnectionGuardRegistration implements WebMvcConfigurer {

    private final ConnectionGuard guard;

    ConnectionGuardRegistration(ConnectionGuard guard) {
        this.guard = guard;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(guard).addPathPatterns("/api/**");
    }
}
