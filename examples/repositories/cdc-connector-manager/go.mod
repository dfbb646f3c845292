module git.fernhill.example/cdc-connector-manager

go 1.23

require (
	github.com/go-chi/chi/v5 v5.1.0
	github.com/prometheus/client_golang v1.20.5
	github.com/segmentio/kafka-go v0.4.47
	github.com/stretchr/testify v1.9.0
	go.uber.org/zap v1.27.0
)
