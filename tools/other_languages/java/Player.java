// The generated Java client (openapi-generator java, library native) driven by the one steps
// player in Python (tools/other_languages/openapi_generator_java.py), one JSON line per call:
//   {"describe": true}  ->  {"AssetsApi": {"listAssetsWithHttpInfo": ["projectId", ...]}, ...}
//   {"api": "AssetsApi", "method": "listAssetsWithHttpInfo", "args": {"projectId": "..."}}
//     ->  {"status": 200, "data": <the answer's JSON, once the generated model has parsed it>}
//     or  {"status": 400, "body": "<the answer's text>"}
// Each argument is converted to the Java parameter's type by the client's own ObjectMapper (so
// a body goes through the generated model); a File argument arrives as {"filename", "base64"}.
// The API key (ANGO_API_KEY) is set by a request interceptor: the native library has no auth.
// Two settings a Java team needs too (docs/FOR-OTHER-LANGUAGES.md):
// - HTTP/1.1: java.net.http asks plain-HTTP servers to upgrade to h2c, which they refuse noisily;
// - null fields left out even where the generated models mark the field required (their
//   @JsonInclude(ALWAYS)): the spec's "give A or B" rules become "A and B required" in the
//   models, and the null sent for the one not given is refused by the server;
// - the answer's text: the generated models keep only the fields the spec declares, so a
//   response interceptor (useUnaryInterceptor=true) buffers the body for the steps to read;
// - a file part's media type: the generated multipart code sends every file as
//   application/octet-stream, so the request interceptor writes the file's own type there.

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.openapitools.client.ApiClient;
import org.openapitools.client.ApiException;
import org.openapitools.client.ApiResponse;

public final class Player {
  private static final String API_PACKAGE = "org.openapitools.client.api.";
  private static final String[] APIS = System.getenv("PLAYER_APIS").split(",");

  private final ApiClient client = new ApiClient();
  private final ObjectMapper mapper;
  private final Map<String, Object> apis = new HashMap<>();
  private String fileType; // the media type of the file the current call sends, if any
  private byte[] answered; // the body of the last answer

  private Player(String baseUri, String apiKey) throws ReflectiveOperationException {
    client.updateBaseUri(baseUri);
    client.setRequestInterceptor(request -> {
      request.header("apikey", apiKey);
      if (fileType != null) {
        withFileType(request, fileType);
      }
    });
    client.setResponseInterceptor(response -> {
      try {
        answered = response.body().readAllBytes();
      } catch (java.io.IOException failure) {
        throw new java.io.UncheckedIOException(failure);
      }
      return new Buffered(response, answered);
    });
    client.setHttpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
    mapper = ApiClient.createDefaultObjectMapper();
    mapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
      @Override
      public JsonInclude.Value findPropertyInclusion(Annotated annotated) {
        return JsonInclude.Value.empty();
      }
    });
    client.setObjectMapper(mapper);
    for (String name : APIS) {
      apis.put(name, Class.forName(API_PACKAGE + name).getConstructor(ApiClient.class).newInstance(client));
    }
  }

  /** The WithHttpInfo methods without the trailing headers map, by class, with their argument names. */
  private JsonNode describe() {
    ObjectNode all = mapper.createObjectNode();
    for (Map.Entry<String, Object> api : apis.entrySet()) {
      ObjectNode methods = all.putObject(api.getKey());
      for (Method method : api.getValue().getClass().getMethods()) {
        Parameter[] parameters = method.getParameters();
        boolean headers = parameters.length > 0 && parameters[parameters.length - 1].getType() == Map.class;
        if (method.getName().endsWith("WithHttpInfo") && !headers) {
          var names = methods.putArray(method.getName());
          for (Parameter parameter : parameters) {
            names.add(parameter.getName());
          }
        }
      }
    }
    return all;
  }

  private Method method(Object api, String name) {
    for (Method method : api.getClass().getMethods()) {
      Parameter[] parameters = method.getParameters();
      boolean headers = parameters.length > 0 && parameters[parameters.length - 1].getType() == Map.class;
      if (method.getName().equals(name) && !headers) {
        return method;
      }
    }
    throw new IllegalArgumentException("no method " + name);
  }

  private Object argument(Parameter parameter, JsonNode value) throws Exception {
    if (value == null || value.isNull()) {
      return null;
    }
    if (parameter.getType() == File.class) {
      Path directory = Files.createTempDirectory("player-upload");
      Path file = directory.resolve(value.get("filename").asText());
      Files.write(file, Base64.getDecoder().decode(value.get("base64").asText()));
      file.toFile().deleteOnExit();
      fileType = value.get("type").asText();
      directory.toFile().deleteOnExit();
      return file.toFile();
    }
    return mapper.convertValue(value, mapper.constructType(parameter.getParameterizedType()));
  }

  private JsonNode call(JsonNode request) throws Exception {
    Object api = apis.get(request.get("api").asText());
    Method method = method(api, request.get("method").asText());
    Parameter[] parameters = method.getParameters();
    Object[] values = new Object[parameters.length];
    fileType = null;
    answered = new byte[0];
    for (int i = 0; i < parameters.length; i++) {
      values[i] = argument(parameters[i], request.get("args").get(parameters[i].getName()));
    }
    ObjectNode answer = mapper.createObjectNode();
    try {
      ApiResponse<?> response = (ApiResponse<?>) method.invoke(api, values);
      answer.put("status", response.getStatusCode());
      answer.set("data", answered.length == 0 ? null : mapper.readTree(answered));
    } catch (InvocationTargetException thrown) {
      if (!(thrown.getCause() instanceof ApiException)) {
        throw thrown;
      }
      ApiException error = (ApiException) thrown.getCause();
      answer.put("status", error.getCode());
      answer.put("body", error.getResponseBody() == null ? error.getMessage() : error.getResponseBody());
    }
    return answer;
  }

  /** An answer whose body was read: the same answer over the bytes read. */
  private static final class Buffered implements java.net.http.HttpResponse<java.io.InputStream> {
    private final java.net.http.HttpResponse<java.io.InputStream> read;
    private final byte[] body;

    Buffered(java.net.http.HttpResponse<java.io.InputStream> read, byte[] body) {
      this.read = read;
      this.body = body;
    }

    @Override public int statusCode() { return read.statusCode(); }
    @Override public HttpRequest request() { return read.request(); }
    @Override public java.util.Optional<java.net.http.HttpResponse<java.io.InputStream>> previousResponse() { return read.previousResponse(); }
    @Override public java.net.http.HttpHeaders headers() { return read.headers(); }
    @Override public java.io.InputStream body() { return new java.io.ByteArrayInputStream(body); }
    @Override public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return read.sslSession(); }
    @Override public java.net.URI uri() { return read.uri(); }
    @Override public HttpClient.Version version() { return read.version(); }
  }

  /** The request's multipart body with the file part's media type set to ``type``. */
  private static void withFileType(HttpRequest.Builder request, String type) {
    HttpRequest built = request.copy().build();
    if (built.bodyPublisher().isEmpty()) {
      return;
    }
    CompletableFuture<byte[]> body = new CompletableFuture<>();
    built.bodyPublisher().get().subscribe(new Flow.Subscriber<ByteBuffer>() {
      private final ByteArrayOutputStream collected = new ByteArrayOutputStream();

      @Override
      public void onSubscribe(Flow.Subscription subscription) { subscription.request(Long.MAX_VALUE); }

      @Override
      public void onNext(ByteBuffer item) {
        byte[] bytes = new byte[item.remaining()];
        item.get(bytes);
        collected.writeBytes(bytes);
      }

      @Override
      public void onError(Throwable failure) { body.completeExceptionally(failure); }

      @Override
      public void onComplete() { body.complete(collected.toByteArray()); }
    });
    String text = new String(body.join(), StandardCharsets.ISO_8859_1)
        .replace("Content-Type: application/octet-stream", "Content-Type: " + type);
    request.method(built.method(), HttpRequest.BodyPublishers.ofByteArray(text.getBytes(StandardCharsets.ISO_8859_1)));
  }

  public static void main(String[] args) throws Exception {
    Player player = new Player(args[0], System.getenv("ANGO_API_KEY"));
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      JsonNode request = player.mapper.readTree(line);
      JsonNode answer;
      try {
        answer = request.has("describe") ? player.describe() : player.call(request);
      } catch (Exception failure) {
        Throwable cause = failure instanceof InvocationTargetException ? failure.getCause() : failure;
        answer = player.mapper.createObjectNode().put("error", String.valueOf(cause));
      }
      out.println(player.mapper.writeValueAsString(answer));
    }
  }
}
