# advosearch container image.
#
#   docker build -t advosearch .
#   docker run -p 8080:8080 -v advosearch-data:/data advosearch
#
# Two stages: the toolchain stays in the build stage; the final image holds
# only the static binary (the sample statements are embedded in it).

# build compiles the static advosearch binary.
FROM golang:1.26-bookworm AS build
WORKDIR /src

# Modules first, in their own layer, so editing source does not re-download
# the ~1.8 GB module cache.
COPY go.mod go.sum ./
RUN go mod download

COPY . .
# CGO_ENABLED=0 gives a static binary that runs on distroless/static (no libc).
# -trimpath keeps build paths out of the binary; -s -w drops debug symbols.
RUN CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o /out/advosearch ./cmd/advosearch

# The data directory must exist in the image, owned by the runtime user: a new
# named volume is initialised from it, so the non-root server can write there.
# (Without it Docker creates the mount point owned by root.)
RUN mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/advosearch /advosearch
COPY --from=build --chown=65532:65532 /out/data /data
# 65532 is distroless's "nonroot" user; numeric so Kubernetes' runAsNonRoot
# can verify it without reading /etc/passwd.
USER 65532:65532
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["/advosearch"]
# Inside a container 127.0.0.1 is the container's own loopback: a server bound
# there is unreachable through a published port, so listen on all interfaces.
# The host decides what is exposed (docker run -p 127.0.0.1:8080:8080 ...).
CMD ["serve", "--data", "/data", "--addr", "0.0.0.0:8080"]
