package se.integrationjourney.api.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The HTTP API reads JSON strictly and speaks nothing else: a request body is JSON or is refused (415), and an answer
 * is JSON, problem+JSON or, where an endpoint says so, CSV. Strict means that nothing a client sends is silently
 * turned into something else: no enum from its ordinal, no integer from a fraction, no text from a number, no date
 * from a date-time, no second value for the same key, and no text that PostgreSQL cannot store
 * ({@link StorableText}). The application's other JSON (events, tokens) keeps Spring Boot's mapper.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson implements WebMvcConfigurer {

    private final JsonMapper mapper;

    StrictJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** Spring Boot's mapper (its modules, unknown fields refused) with strict reading on top. */
    static JsonMapper strict(JsonMapper base) {
        return base.rebuild()
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfigDefaults(
                        coercion -> coercion.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Integer,
                        coercion -> coercion.setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert))
                .withCoercionConfig(
                        LogicalType.Float,
                        coercion -> coercion.setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        coercion -> coercion.setCoercion(CoercionInputShape.Boolean, CoercionAction.TryConvert))
                .defaultLeniency(false)
                .addModule(new SimpleModule("storable-text")
                        .addDeserializer(String.class, new StorableText.Deserializer()))
                .build();
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        converters
                .withJsonConverter(new JacksonJsonHttpMessageConverter(strict(mapper)))
                .configureMessageConvertersList(list -> list.removeIf(StrictJson::speaksAnotherFormat));
    }

    /** YAML, XML, CBOR, Smile, forms: formats a client could use to pass around the strict JSON reading. */
    private static boolean speaksAnotherFormat(HttpMessageConverter<?> converter) {
        List<MediaType> types = converter.getSupportedMediaTypes();
        return types.stream()
                .anyMatch(type -> type.getSubtype().contains("yaml")
                        || type.getSubtype().contains("xml")
                        || type.getSubtype().contains("cbor")
                        || type.getSubtype().contains("smile")
                        || type.equals(MediaType.APPLICATION_FORM_URLENCODED)
                        || type.equals(MediaType.MULTIPART_FORM_DATA));
    }
}
