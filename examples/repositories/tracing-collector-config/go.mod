module git.fernhill.example/tracing-collector-config

go 1.23

require (
	github.com/stretchr/testify v1.9.0
)
