engine_version = "16.4
instance_class = = "db.t4g.small"
