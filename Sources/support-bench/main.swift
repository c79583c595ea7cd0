import SupportEngine

print("support-bench")
