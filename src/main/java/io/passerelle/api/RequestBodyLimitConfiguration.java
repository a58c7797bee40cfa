package io.passerelle.api;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/** The request body cap: a filter in front of everything, and the 413 when Spring MVC was the reader. */
@Configuration(proxyBeanMethods = false)
class RequestBodyLimitConfiguration {

    @Bean
    RequestBodyLimit requestBodyLimit(ApiRequestProperties properties, ProblemWriter problems) {
        return new RequestBodyLimit(properties.maxBodySize(), problems);
    }

    /** First of the filters that might read a body (Spring's FormContentFilter comes next), after the encoding. */
    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimitRegistration(RequestBodyLimit filter) {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Spring MVC turns the read that stopped at the cap into "the body cannot be read" (Jackson and the message
     * converters wrap it): this resolver, ahead of every exception handler, answers 413 instead.
     */
    @Bean
    HandlerExceptionResolver bodyTooLargeIsA413(RequestBodyLimit limit) {
        return new BodyTooLargeResolver(limit);
    }

    private record BodyTooLargeResolver(RequestBodyLimit limit) implements HandlerExceptionResolver, Ordered {

        @Override
        public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                Exception e) {
            if (!RequestBodyLimit.exceeded(request) || response.isCommitted()) {
                return null;
            }
            try {
                limit.refuse(request, response);
            } catch (IOException writeFailed) {
                return null;
            }
            return new ModelAndView();
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
