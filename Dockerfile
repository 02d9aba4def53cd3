# Builds the dipgraph binary; used by docker-compose.yml.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -o /dipgraph ./cmd/dipgraph

FROM gcr.io/distroless/static-debian12
COPY --from=build /dipgraph /usr/local/bin/dipgraph
ENTRYPOINT ["/usr/local/bin/dipgraph"]
