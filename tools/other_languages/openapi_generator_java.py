"""The steps files played by openapi-generator's Java client (library native), compiled with
Debian's OpenJDK 17 and Debian's jars (docs/FOR-OTHER-LANGUAGES.md, "The JVM client").

:func:`build` generates the client from the 3.0.3 bundle with the options of :data:`OPTIONS`
and our two templates (``java/templates``: ApiClient and JSON without jackson-datatype-jsr310,
which Debian does not package), then compiles it and ``java/Player.java`` with ``javac``. The
classes are kept in ``.cache/openapi-generator-java/<hash of every input>``, so `make test`
compiles only when the spec, the templates, the player, the generator or the jars change.

:class:`JavaCaller` is the :class:`steps.Caller` for that client: ``Player.java`` runs in one
JVM and calls the generated ``<Tag>Api.<operation>WithHttpInfo`` methods by reflection, one
JSON line per call; which method and argument stand for an operation and a parameter is found
by name, as for the Python client (:func:`openapi_generator_python.bind`).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import Mapping
from importlib.metadata import version
from pathlib import Path
from typing import Any

from ango_hub._index import Operation

from tools.other_languages.check import CheckFailed
from tools.other_languages.openapi_generator_python import bind, plain
from tools.other_languages.steps import StepFailed

HERE = Path(__file__).resolve().parent / "java"
TEMPLATES = HERE / "templates"
PLAYER = HERE / "Player.java"
CACHE = HERE.parents[2] / ".cache" / "openapi-generator-java"
# Debian's jars (make install: libjackson2-{core,databind,annotations}-java,
# libjakarta-annotation-api-java, libjsr305-java, libhttpmime-java with httpclient and httpcore).
DEBIAN_JARS = tuple(
    Path("/usr/share/java") / f"{name}.jar"
    for name in (
        "jackson-core",
        "jackson-databind",
        "jackson-annotations",
        "jakarta-annotation-api",
        "jsr305",
        "httpmime",
        "httpclient",
        "httpcore",
    )
)
OPTIONS = (
    "--library",
    "native",
    "-t",
    str(TEMPLATES),
    # The credentials' oneOf (object or string): the generator writes `Map<String, Object>.class`
    # for its object branch, which javac refuses; as Object, Jackson writes either as it is.
    "--schema-mappings",
    "StorageCredentials=Object",
    "--additional-properties",
    # openApiNullable=false drops jackson-databind-nullable; legacy dates are java.util.Date,
    # which jackson-databind handles itself; Debian packages the Jakarta annotations; lists
    # start as null, not empty (an empty `labels` beside `jsonContent` is refused: one of them).
    # useUnaryInterceptor lets the player's response interceptor buffer the answer's text.
    "openApiNullable=false,useJakartaEe=true,dateLibrary=legacy,containerDefaultToNull=true,"
    "useUnaryInterceptor=true",
)
# Written before generating: the two files only jackson-datatype-jsr310 needs (our ApiClient
# template does not use them).
IGNORE = """\
src/main/java/**/RFC3339JavaTimeModule.java
src/main/java/**/RFC3339InstantDeserializer.java
"""
API_DIR = "src/main/java/org/openapitools/client/api"
# -parameters keeps the argument names, which the player matches to the spec's.
JAVAC = ("javac", "-parameters", "-nowarn", "-encoding", "UTF-8")


def missing_jars() -> list[str]:
    return [str(jar) for jar in DEBIAN_JARS if not jar.exists()]


def input_hash(spec: Path) -> str:
    """Every input of the build: spec, templates, player, options, generator, jar versions."""
    digest = hashlib.sha256()
    for path in [spec, PLAYER, *sorted(TEMPLATES.rglob("*.mustache"))]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    jars = [str(jar.resolve()) for jar in DEBIAN_JARS]
    digest.update(json.dumps([OPTIONS, IGNORE, version("openapi-generator-cli"), jars]).encode())
    return digest.hexdigest()[:16]


def classpath(classes: Path) -> str:
    return os.pathsep.join([str(classes), *map(str, DEBIAN_JARS)])


def build(spec: Path, generate: Any) -> tuple[Path, bool]:
    """(the compiled classes' directory, whether they came from the cache). ``generate(out)``
    runs openapi-generator into ``out`` with :data:`OPTIONS`."""
    classes = CACHE / input_hash(spec)
    if (classes / "Player.class").exists():
        return classes, True
    shutil.rmtree(CACHE, ignore_errors=True)  # one build kept: the previous ones are stale
    out = CACHE / "source"
    out.mkdir(parents=True)
    (out / ".openapi-generator-ignore").write_text(IGNORE)
    generate(out)
    sources = [*map(str, (out / "src/main/java").rglob("*.java")), str(PLAYER)]
    building = classes.with_name(classes.name + ".tmp")
    done = subprocess.run(  # noqa: S603 (Debian's javac, on PATH)
        [*JAVAC, "-d", str(building), "-cp", os.pathsep.join(map(str, DEBIAN_JARS)), *sources],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise CheckFailed(f"javac failed:\n{(done.stdout + done.stderr)[-4000:]}")
    shutil.copytree(out / API_DIR, building / "api-sources")  # the API class names, for the player
    building.rename(classes)
    return classes, False


class JavaCaller:
    """Sends any operation with the generated Java client (one JVM); returns the answer's JSON."""

    def __init__(
        self, classes: Path, operations: Mapping[str, Operation], base_url: str, api_key: str
    ) -> None:
        self.operations = operations
        apis = sorted(p.stem for p in (classes / "api-sources").glob("*Api.java"))
        env = {**os.environ, "ANGO_API_KEY": api_key, "PLAYER_APIS": ",".join(apis)}
        self.process = subprocess.Popen(  # noqa: S603
            ["java", "-cp", classpath(classes), "Player", base_url],  # noqa: S607 (Debian's)
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        described = self.send({"describe": True})
        # plain("AssetsApi") -> {plain(method name): (method name, argument names)}
        self.apis = {
            plain(api): (api, {plain(m): (m, args) for m, args in methods.items()})
            for api, methods in described.items()
        }

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=30)

    def send(self, request: dict[str, Any]) -> Any:
        stdin, stdout = self.process.stdin, self.process.stdout
        if stdin is None or stdout is None:
            raise StepFailed("the Java player has no pipes")
        stdin.write(json.dumps(request) + "\n")
        stdin.flush()
        line = stdout.readline()
        if not line:
            raise StepFailed(f"the Java player stopped ({self.process.poll()})")
        answer = json.loads(line)
        if isinstance(answer, dict) and "error" in answer:
            raise StepFailed(f"the Java client: {answer['error']}")
        return answer

    def call(
        self,
        operation_id: str,
        params: Mapping[str, Any] | None = None,
        *,
        body: Any = None,
        files: Mapping[str, Any] | None = None,
    ) -> Any:
        op = self.operations[operation_id]
        api, methods = self.apis.get(plain(op.tag) + "api", (op.tag, {}))
        name, free = methods.get(plain(op.operation_id) + "withhttpinfo", (None, []))
        if name is None:
            raise StepFailed(f"no generated Java method for {op.operation_id} in {api}")
        args = bind(op, free, params, body=body, files=files, method=name)
        media = {filename: media for filename, _content, media in (files or {}).values()}
        for key, value in args.items():
            if isinstance(value, tuple):  # a file: (filename, content)
                args[key] = {
                    "filename": value[0],
                    "type": media[value[0]],
                    "base64": base64.b64encode(value[1]).decode(),
                }
        answer = self.send({"api": api, "method": name, "args": args})
        if "data" not in answer:
            raise StepFailed(f"HTTP {answer['status']} {answer.get('body')}")
        return answer["data"]
