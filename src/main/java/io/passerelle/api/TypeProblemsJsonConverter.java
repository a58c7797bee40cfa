package io.passerelle.api;

import java.util.List;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.passerelle.connection.FieldProblem;
import io.passerelle.request.TypeProblems;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.stereotype.Component;

/**
 * Spring Boot's JSON converter (it stands down for this bean), except that a request body, while
 * {@link TypeProblemsGuard} has its record open, is read with a {@link TypeProblemRecorder}: type errors are
 * listed in the request's {@link TypeProblems} instead of ending the read at the first one. Everything else that
 * reads JSON (ERP answers, bootstrap files, response bodies in clients) keeps failing on the first type error.
 */
@Component
class TypeProblemsJsonConverter extends MappingJackson2HttpMessageConverter {

    TypeProblemsJsonConverter(ObjectMapper objectMapper) {
        super(objectMapper.copy().registerModule(TypeProblemRecorder.module()));
    }

    @Override
    protected ObjectReader customizeReader(ObjectReader reader, JavaType javaType) {
        List<FieldProblem> problems = TypeProblems.recording();
        return problems == null ? reader : reader.withHandler(new TypeProblemRecorder(problems));
    }
}
