"""Acme order agent: answers order questions and runs diagnostics for the support team."""
import os

from dotenv import load_dotenv
from langchain.agents import AgentExecutor, create_tool_calling_agent
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI

from tools import estimate_delivery, run_diagnostics

load_dotenv()

llm = ChatOpenAI(model="gpt-4o-mini", temperature=0, api_key=os.environ["OPENAI_API_KEY"])

prompt = ChatPromptTemplate.from_messages(
    [
        ("system", "You help Acme support staff with orders and delivery questions. Use the tools when needed."),
        ("human", "{input}"),
        ("placeholder", "{agent_scratchpad}"),
    ]
)

tools = [estimate_delivery, run_diagnostics]
agent = create_tool_calling_agent(llm, tools, prompt)
executor = AgentExecutor(agent=agent, tools=tools, max_iterations=6)

if __name__ == "__main__":
    question = input("question> ")
    print(executor.invoke({"input": question})["output"])
