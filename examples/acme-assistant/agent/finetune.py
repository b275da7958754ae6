"""Fine-tune the support tone model on last quarter's resolved tickets."""
import sys

from openai import OpenAI

client = OpenAI()

training = client.files.create(file=open(sys.argv[1], "rb"), purpose="fine-tune")

job = client.fine_tuning.jobs.create(
    training_file=training.id,
    model="gpt-4o-mini-2024-07-18",
    suffix="acme-support-tone",
)
print(job.id, job.status)
