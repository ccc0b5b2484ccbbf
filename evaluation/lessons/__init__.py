"""The lessons register: findings with their evidence, recommendations, and which edition adopted them."""
