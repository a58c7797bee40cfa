package io.passerelle.api;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.List;

import io.passerelle.connection.FieldProblem;
import io.passerelle.request.MergesTypeProblems;
import io.passerelle.request.TypeProblems;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdvice;

/**
 * Opens the request's {@link TypeProblems} record while its {@code @RequestBody} is read, and only then. A body
 * read with type errors goes on to its controller only when its validator lists them with its own
 * ({@link MergesTypeProblems}); any other is refused here, with every type error it has, so that no field read
 * as null for its wrong type is ever taken for an absent one.
 */
@ControllerAdvice
class TypeProblemsGuard implements RequestBodyAdvice {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        TypeProblems.startRecording();
        return input;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        TypeProblems.stopRecording();
        List<FieldProblem> problems = TypeProblems.current();
        if (!problems.isEmpty() && !parameter.getParameterType().isAnnotationPresent(MergesTypeProblems.class)) {
            throw new BodyTypeException(problems);
        }
        return body;
    }

    @Override
    public Object handleEmptyBody(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        TypeProblems.stopRecording();
        return body;
    }
}
