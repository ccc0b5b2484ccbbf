"""The agreement between a project's initiators and the district: milestones, payment schedule, conditions."""
